namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// The one list of legal moves between statuses, shared by the citizen side and the back-office:
/// Draft → Submitted → UnderReview → (NeedsMoreDocuments | AwaitingVisit) → UnderReview → Answered.
/// A visit can be moved to another time (AwaitingVisit → AwaitingVisit), and it ends back in review whether it was
/// held, cancelled or missed by the applicant (AwaitingVisit → UnderReview, see <see cref="InquiryRequest"/>).
/// </summary>
public static class RequestStateMachine
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Moves = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Submitted],
        [RequestStatus.Submitted] = [RequestStatus.UnderReview],
        [RequestStatus.UnderReview] = [RequestStatus.NeedsMoreDocuments, RequestStatus.AwaitingVisit, RequestStatus.Answered],
        [RequestStatus.NeedsMoreDocuments] = [RequestStatus.UnderReview],
        [RequestStatus.AwaitingVisit] = [RequestStatus.UnderReview, RequestStatus.AwaitingVisit],
        [RequestStatus.Answered] = [],
    };

    public static bool CanMove(RequestStatus from, RequestStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<RequestStatus> NextFrom(RequestStatus from) => Moves[from];
}

/// <summary>A move the state machine does not allow; the request is left as it was.</summary>
public sealed class IllegalTransitionException(RequestStatus from, RequestStatus to)
    : InvalidOperationException($"A request cannot move from {from} to {to}.")
{
    public RequestStatus From { get; } = from;

    public RequestStatus To { get; } = to;
}
