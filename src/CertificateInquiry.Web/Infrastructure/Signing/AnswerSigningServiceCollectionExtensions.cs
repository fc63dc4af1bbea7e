using CertificateInquiry.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Signing;

public static class AnswerSigningServiceCollectionExtensions
{
    /// <summary>
    /// The signer of answers and result files (<see cref="AnswerSigner"/>, a singleton) and its key ring, from the
    /// <c>AnswerSigning</c> section; checked at start-up (<see cref="AnswerSigningOptionsValidator"/>). The ring is
    /// loaded on first use: the development key needs the database's Data Protection keys.
    /// </summary>
    public static IServiceCollection AddAnswerSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnswerSigningOptions>().BindConfiguration(AnswerSigningOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnswerSigningOptions>, AnswerSigningOptionsValidator>();
        services.AddSingleton(CreateRing);
        services.AddSingleton<AnswerSigner>();
        return services;
    }

    private static AnswerKeyRing CreateRing(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AnswerSigningOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AnswerSigner).FullName!);
        if (options.Keys.Count > 0)
        {
            var configured = AnswerKeyRing.Load(options.Keys, environment.ContentRootPath);
            logger.KeysLoaded(configured.Current.KeyId, configured.Published.Count);
            return configured;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("AnswerSigning:Keys is empty: Production signs answers only with configured keys.");
        }

        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, database.DataFolder));
        var ring = DevelopmentSigningKey.LoadOrCreate(folder, services.GetRequiredService<IDataProtectionProvider>(), logger);
        logger.DevelopmentKeyInUse(ring.Current.KeyId);
        return ring;
    }
}
