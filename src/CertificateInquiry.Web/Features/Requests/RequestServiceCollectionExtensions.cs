using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Features.Requests.Tracking;
namespace CertificateInquiry.Web.Features.Requests;

public static class RequestServiceCollectionExtensions
{
    /// <summary>The paper-era inquiry requests: the form, tracking, service levels (<see cref="RequestServiceLevels"/>), the receipt PDF and the answer letters.</summary>
    public static IServiceCollection AddInquiryRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestServiceLevels>()
            .Bind(configuration.GetSection(RequestServiceLevels.Section))
            .Validate(
                levels => levels is { Submitted: >= 0, UnderReview: >= 0, NeedsMoreDocuments: >= 0, AwaitingVisit: >= 0 },
                RequestServiceLevels.Section + ": a number of days cannot be negative.")
            .ValidateOnStart();
        services.AddOptions<PhoneVerificationOptions>()
            .Validate(
                o => o.LimitsAreValid,
                "PhoneVerification: MaxNumbersPerRequest, MaxSendsPerNumber, MaxDraftsPerClient and MaxSendsPerClient must be positive, FreeSendsPerClient 0 or more, the windows positive.")
            .ValidateOnStart();
        services.AddSingleton<SmsSendGate>();
        services.AddSingleton<RequestAccess>();
        services.AddScoped<RequestDrafts>();
        services.AddScoped<RequestTrackingService>();
        services.AddSingleton<RequestReceiptDocument>();
        services.AddScoped<RequestReceipts>();
        services.AddSingleton<AnswerLetterDocument>();
        services.AddScoped<AnswerLetters>();
        return services;
    }
}
