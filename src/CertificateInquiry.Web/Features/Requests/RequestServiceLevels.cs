using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// The service-level targets of inquiry requests, in calendar days per status, from the settings section
/// <c>Requests:ServiceLevelDays</c>. A request's <see cref="InquiryRequest.DueOn"/> is set from them when it moves,
/// and the applicant sees it as the expected date of the current step.
/// </summary>
public sealed class RequestServiceLevels
{
    public const string Section = "Requests:ServiceLevelDays";

    /// <summary>Days from payment until the province starts the review.</summary>
    public int Submitted { get; set; } = 2;

    /// <summary>Days the province has to review (and answer) a request.</summary>
    public int UnderReview { get; set; } = 10;

    /// <summary>The applicant's time to send the documents staff asked for.</summary>
    public int NeedsMoreDocuments { get; set; } = 14;

    /// <summary>Days after the visit or practical exam; 0 makes the visit date itself the due date.</summary>
    public int AwaitingVisit { get; set; }

    /// <summary>
    /// The date an applicant paying on <paramref name="submittedOn"/> can expect the answer when no further documents
    /// or visit are needed: the wait for review plus the review itself.
    /// </summary>
    public DateOnly ExpectedAnswerOn(DateOnly submittedOn) => submittedOn.AddDays(Submitted + UnderReview);

    /// <summary>
    /// The answer date promised to a submitted request, counted from the day of its submission (Iran time): the one
    /// source for the confirmation page, the receipt (page and PDF) and the submission e-mail, so all say the same
    /// date whenever they are shown. Not the request's <see cref="InquiryRequest.DueOn"/>, which is the due date of
    /// its current step (for a submitted request: the start of the review).
    /// </summary>
    public DateOnly ExpectedAnswerOn(InquiryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SubmittedAtUtc is not { } submittedAtUtc)
        {
            throw new InvalidOperationException("Only a submitted request has an expected answer date.");
        }

        return ExpectedAnswerOn(DateOnly.FromDateTime(IranTime.ToIranTime(submittedAtUtc)));
    }

    /// <summary>
    /// When a step in <paramref name="status"/> that starts on <paramref name="today"/> (Iran's date: see
    /// <c>IranTime.Today</c>) is due; for <see cref="RequestStatus.AwaitingVisit"/> counted from the visit's date
    /// (<paramref name="visitAtLocal"/>, Iran time). Null when nothing is due: a draft, an answered request, or a
    /// visit without a date.
    /// </summary>
    public DateOnly? DueOn(RequestStatus status, DateOnly today, DateTime? visitAtLocal = null) => status switch
    {
        RequestStatus.Submitted => today.AddDays(Submitted),
        RequestStatus.UnderReview => today.AddDays(UnderReview),
        RequestStatus.NeedsMoreDocuments => today.AddDays(NeedsMoreDocuments),
        RequestStatus.AwaitingVisit => visitAtLocal is { } visit ? DateOnly.FromDateTime(visit).AddDays(AwaitingVisit) : null,
        _ => null,
    };
}
