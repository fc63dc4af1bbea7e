using CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;
using CertificateInquiry.Web.Infrastructure.OutsideServices;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The name of the providers that write messages to the log and to <c>/dev/messages</c>.</summary>
    public const string LogProvider = "Log";

    public const string KavenegarProvider = "Kavenegar";

    public const string SmtpProvider = "Smtp";

    /// <summary>
    /// Senders (<c>Sms:Provider</c>, <c>Email:Provider</c>), the outbox (<see cref="Notifier"/>,
    /// <see cref="OutboxDispatcher"/>) and the development message log.
    /// </summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize > 0 && o.MaxAttempts > 0, "Notifications: PollInterval, BatchSize and MaxAttempts must be positive.")
            .Validate(o => o.SendTimeout < o.Lease, "Notifications:SendTimeout must be shorter than Notifications:Lease, or a slow send outlives its lease and another dispatcher sends the message too.")
            .ValidateOnStart();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));

        services.AddSingleton<DevelopmentMessageLog>();
        var providers = new NotificationProviders(
            configuration["Sms:Provider"] is { Length: > 0 } sms ? sms : LogProvider,
            configuration["Email:Provider"] is { Length: > 0 } email ? email : SmtpProvider);
        services.AddSingleton(providers);

        // Each SMS operator is one class behind ISmsSender (and ISmsDeliveryReports), registered here.
        if (string.Equals(providers.Sms, LogProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<DevelopmentSmsSender>();
            services.AddSingleton<ISmsSender>(provider => provider.GetRequiredService<DevelopmentSmsSender>());
            services.AddSingleton<ISmsDeliveryReports>(provider => provider.GetRequiredService<DevelopmentSmsSender>());
        }
        else if (string.Equals(providers.Sms, KavenegarProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddKavenegar(configuration);
        }
        else
        {
            throw new InvalidOperationException($"Unknown Sms:Provider '{providers.Sms}'. Known: {LogProvider}, {KavenegarProvider}.");
        }

        if (string.Equals(providers.Email, LogProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, DevelopmentEmailSender>();
        }
        else if (string.Equals(providers.Email, SmtpProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            throw new InvalidOperationException($"Unknown Email:Provider '{providers.Email}'. Known: {SmtpProvider}, {LogProvider}.");
        }

        services.AddScoped<Notifier>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<SmsDeliveryTracker>();
        services.AddHostedService(provider => provider.GetRequiredService<SmsDeliveryTracker>());
        return builder;
    }

    /// <summary>
    /// Kavenegar's sender and its two HTTP clients. Sends get a timeout and a circuit breaker but no retry: the outbox
    /// retries a status message (with the same localid, which the operator deduplicates), and a one-time code is asked
    /// for again by its applicant. Delivery reports are safe to repeat and get the standard retries. Both clients'
    /// loggers are removed: the API key is in every URL.
    /// </summary>
    private static void AddKavenegar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KavenegarOptions>()
            .Bind(configuration.GetSection(KavenegarOptions.Section))
            .Validate(o => o.ApiKey.Length > 0, "Sms:Kavenegar:ApiKey is required when Sms:Provider is Kavenegar (set it in the environment, never in a committed file).")
            .Validate(o => o.CodeTemplate.Length > 0, "Sms:Kavenegar:CodeTemplate (the approved verify/lookup template for one-time codes) is required when Sms:Provider is Kavenegar.")
            .Validate(o => o.BaseUrl.IsAbsoluteUri && o.Timeout > TimeSpan.Zero, "Sms:Kavenegar:BaseUrl must be an absolute address and Timeout positive.")
            .ValidateOnStart();
        services.AddOutsideServiceHealth();

        services.AddHttpClient(KavenegarSmsSender.SendClient)
            .RemoveAllLoggers()
            .AddResilienceHandler(KavenegarSmsSender.SendClient, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<KavenegarOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 5,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(settings.Timeout);
            });
        services.AddHttpClient(KavenegarSmsSender.ReportsClient)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler();

        services.AddSingleton<KavenegarSmsSender>();
        services.AddSingleton<ISmsSender>(provider => provider.GetRequiredService<KavenegarSmsSender>());
        services.AddSingleton<ISmsDeliveryReports>(provider => provider.GetRequiredService<KavenegarSmsSender>());
    }
}

/// <summary>The senders in use, named as in settings; logged when the dispatcher starts.</summary>
public sealed record NotificationProviders(string Sms, string Email)
{
    public bool SmsToLogOnly => string.Equals(Sms, NotificationServiceCollectionExtensions.LogProvider, StringComparison.OrdinalIgnoreCase);

    public bool EmailToLogOnly => string.Equals(Email, NotificationServiceCollectionExtensions.LogProvider, StringComparison.OrdinalIgnoreCase);
}
