using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>What the signed-in user may do to the request as it stands (the actions also check, on the server).</summary>
public sealed record CaseAbilities(
    bool StartReview,
    bool AskForDocuments,
    bool ScheduleVisit,
    bool RecordVisitHeld,
    bool RecordNoShow,
    bool Propose,
    bool Decide,
    bool IsProposerOfPending)
{
    public bool AnyTransition => StartReview || AskForDocuments || ScheduleVisit || RecordVisitHeld;

    public static CaseAbilities For(RequestCase @case, StaffScope scope, DateTime nowLocal)
    {
        var status = @case.Request.Status;
        var pending = @case.PendingProposal?.Proposal;
        var underReview = status == RequestStatus.UnderReview;
        var userId = scope.UserId ?? string.Empty;
        return new CaseAbilities(
            StartReview: status == RequestStatus.Submitted,
            AskForDocuments: underReview && pending is null,
            ScheduleVisit: underReview && pending is null,
            RecordVisitHeld: status == RequestStatus.AwaitingVisit,
            RecordNoShow: @case.Request.VisitTimeHasCome(nowLocal),
            Propose: underReview && pending is null,
            Decide: underReview && pending is not null && AnswerApproval.IsChecker(scope) && pending.CanBeDecidedBy(userId),
            IsProposerOfPending: pending is not null && !pending.CanBeDecidedBy(userId));
    }
}
