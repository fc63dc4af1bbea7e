using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>The case page: the request, what the user may do, the forms, and a notice or conflict from the last action.</summary>
public sealed record CasePage(
    RequestCase Case, CaseAbilities Can, CaseForms Forms, string? Notice, bool Conflict, IReadOnlyList<(string Value, string Text)> Standards, CaseActionInput? Posted)
{
    public InquiryRequest Request => Case.Request;

    /// <summary>The example date under the visit forms' date field (yyyy/MM/dd), relative to today.</summary>
    public string AppointmentExample { get; init; } = "";

    /// <summary>
    /// After a conflict, what was typed into a form the page no longer offers (the request moved on meanwhile); null
    /// when the form is still there with the text in it.
    /// </summary>
    public string? KeptText => Conflict && Posted?.TypedText is { } typed && !Offers(Posted) ? typed : null;

    private bool Offers(CaseActionInput input) => input switch
    {
        NoteInput or MessageInput => true,
        AssignInput => Request.Status != RequestStatus.Answered,
        MoreDocumentsInput => Can.AskForDocuments,
        VisitInput => Can.ScheduleVisit,
        VisitHeldInput or RescheduleVisitInput or CancelVisitInput => Can.RecordVisitHeld,
        NoShowInput => Can.RecordNoShow,
        ProposalInput => Can.Propose,
        HolderInput => Can.Propose && Request.PaperLetterId is not null,
        ApproveInput or ReturnInput => Can.Decide,
        _ => false,
    };
}
