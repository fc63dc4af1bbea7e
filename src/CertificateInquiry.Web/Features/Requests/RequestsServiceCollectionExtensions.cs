using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Features.Requests.Tracking;

namespace CertificateInquiry.Web.Features.Requests;

public static class RequestsServiceCollectionExtensions
{
    /// <summary>
    /// The paper-era inquiry requests, sub-slice by sub-slice: the form with its SMS code, the payment and the receipt,
    /// tracking with its service levels (<see cref="RequestServiceLevels"/>), the answer letters.
    /// </summary>
    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestServiceLevels>()
            .Bind(configuration.GetSection(RequestServiceLevels.Section))
            .Validate(
                levels => levels is { Submitted: >= 0, UnderReview: >= 0, NeedsMoreDocuments: >= 0, AwaitingVisit: >= 0 },
                RequestServiceLevels.Section + ": a number of days cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<RequestAccess>();

        // Form: drafts, the SMS code and its caps (ADR-015)
        services.AddOptions<PhoneVerificationOptions>()
            .Bind(configuration.GetSection(PhoneVerificationOptions.Section))
            .Validate(o => o.MaxAttempts > 0 && o.MaxSends > 0 && o.CodeLifetime > TimeSpan.Zero, "PhoneVerification: MaxAttempts, MaxSends and CodeLifetime must be positive.")
            .Validate(
                o => o.LimitsAreValid,
                "PhoneVerification: MaxNumbersPerRequest, MaxSendsPerNumber, MaxDraftsPerClient and MaxSendsPerClient must be positive, FreeSendsPerClient 0 or more, the windows positive.")
            .ValidateOnStart();
        services.AddSingleton<PhoneCodeKey>();
        services.AddScoped<SmsNumberSeries>();
        services.AddScoped<PhoneVerificationService>();
        services.AddSingleton<SmsSendGate>();
        services.AddScoped<RequestDrafts>();

        // Payments: the fee of the year, the payment and the receipt
        services.AddScoped<FeeSchedule>();
        services.AddScoped<RequestPayments>();
        services.AddScoped<PaymentReconciliation>();
        services.AddHostedService<PaymentReconciliationWorker>();
        services.AddSingleton<RequestReceiptDocument>();
        services.AddScoped<RequestReceipts>();

        // Tracking
        services.AddScoped<RequestTrackingService>();

        // Letters
        services.AddSingleton<AnswerLetterDocument>();
        services.AddScoped<AnswerLetters>();
        return services;
    }
}
