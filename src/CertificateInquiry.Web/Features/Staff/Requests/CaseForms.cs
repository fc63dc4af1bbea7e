namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>The inputs of every form on the case page: empty ones, or what was posted when the page comes back with errors.</summary>
public sealed class CaseForms
{
    public AssignInput Assign { get; set; } = new();

    public StartReviewInput StartReview { get; set; } = new();

    public MoreDocumentsInput MoreDocuments { get; set; } = new();

    public VisitInput Visit { get; set; } = new();

    public VisitHeldInput VisitHeld { get; set; } = new();

    public RescheduleVisitInput Reschedule { get; set; } = new();

    public CancelVisitInput CancelVisit { get; set; } = new();

    public NoShowInput NoShow { get; set; } = new();

    public NoteInput Note { get; set; } = new();

    public HolderInput Holder { get; set; } = new();

    public MessageInput Message { get; set; } = new();

    public ProposalInput Proposal { get; set; } = new();

    public ApproveInput Approve { get; set; } = new();

    public ReturnInput Return { get; set; } = new();

    /// <summary>Puts <paramref name="input"/> in its slot, so that what was typed is shown again.</summary>
    public void Keep(CaseActionInput input)
    {
        switch (input)
        {
            case AssignInput assign: Assign = assign; break;
            case StartReviewInput startReview: StartReview = startReview; break;
            case MoreDocumentsInput moreDocuments: MoreDocuments = moreDocuments; break;
            case VisitInput visit: Visit = visit; break;
            case VisitHeldInput visitHeld: VisitHeld = visitHeld; break;
            case RescheduleVisitInput reschedule: Reschedule = reschedule; break;
            case CancelVisitInput cancelVisit: CancelVisit = cancelVisit; break;
            case NoShowInput noShow: NoShow = noShow; break;
            case NoteInput note: Note = note; break;
            case HolderInput holder: Holder = holder; break;
            case MessageInput message: Message = message; break;
            case ProposalInput proposal: Proposal = proposal; break;
            case ApproveInput approve: Approve = approve; break;
            case ReturnInput @return: Return = @return; break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input.GetType().Name, null);
        }
    }

    /// <summary>Every form acts on the request as the page shows it now.</summary>
    public void SetVersion(Guid version)
    {
        foreach (var input in new CaseActionInput[] { Assign, StartReview, MoreDocuments, Visit, VisitHeld, Reschedule, CancelVisit, NoShow, Note, Holder, Message, Proposal, Approve, Return })
        {
            input.Version = version;
        }
    }
}
