namespace CertificateInquiry.Web.Infrastructure.Captcha;

public static class CaptchaServiceCollectionExtensions
{
    /// <summary>The CAPTCHA past a per-client threshold (settings section <c>Captcha</c>), checked at start-up.</summary>
    public static IServiceCollection AddCaptcha(this IServiceCollection services)
    {
        services.AddOptions<CaptchaOptions>()
            .BindConfiguration(CaptchaOptions.Section)
            .Validate(options => options.IsValid,
                "Captcha: FreeInquiriesPerWindow must be 0 or more, Window and ChallengeLifetime positive, Difficulty 1 to 8.")
            .ValidateOnStart();
        services.AddSingleton<InquiryAttemptCounter>();
        services.AddSingleton<AltchaChallenges>();
        services.AddSingleton<CaptchaGate>();
        return services;
    }
}
