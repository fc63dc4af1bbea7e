namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

public static class PaperLettersServiceCollectionExtensions
{
    /// <summary>Agencies' paper letters in the back-office: registering, answering the rows, the one answer letter (ADR-027).</summary>
    public static IServiceCollection AddPaperLetters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PaperLetterRegistration>();
        services.AddScoped<PaperLetterAnswers>();
        services.AddScoped<PaperLetterIssuing>();
        services.AddScoped<PaperLetterReader>();
        services.AddScoped<PaperLetterVerifier>();
        services.AddSingleton<PaperLetterAnswerDocument>();
        return services;
    }
}
