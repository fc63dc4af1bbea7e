using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// The <c>Requests:ServiceLevelDays</c> settings section: how many calendar days each step of a request may take,
/// which sets <see cref="InquiryRequest.DueOn"/> when a request enters that status and the dates the applicant is
/// promised. The citizen side, the tracking page and the back-office all read it from here.
/// </summary>
public sealed class RequestServiceLevels
{
    public const string Section = "Requests:ServiceLevelDays";

    /// <summary>From payment until the province starts the review.</summary>
    public int Submitted { get; set; } = 2;

    /// <summary>From the start of a review until the answer (or a request for documents or a visit).</summary>
    public int UnderReview { get; set; } = 10;

    /// <summary>The applicant's time to send the documents staff asked for.</summary>
    public int NeedsMoreDocuments { get; set; } = 14;

    /// <summary>From scheduling an in-person visit or a practical exam until it is held.</summary>
    public int AwaitingVisit { get; set; } = 21;

    /// <summary>The due date of a request entering <paramref name="status"/> on <paramref name="today"/>; null where nothing is due.</summary>
    public DateOnly? DueOn(RequestStatus status, DateOnly today) => Days(status) is { } days ? today.AddDays(days) : null;

    /// <summary>
    /// The date an applicant paying on <paramref name="submittedOn"/> can expect the answer when no further documents
    /// or visit are needed: the wait for review plus the review itself.
    /// </summary>
    public DateOnly ExpectedAnswerOn(DateOnly submittedOn) => submittedOn.AddDays(Submitted + UnderReview);

    private int? Days(RequestStatus status) => status switch
    {
        RequestStatus.Submitted => Submitted,
        RequestStatus.UnderReview => UnderReview,
        RequestStatus.NeedsMoreDocuments => NeedsMoreDocuments,
        RequestStatus.AwaitingVisit => AwaitingVisit,
        _ => null,
    };
}
