using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>One uploaded document as staff see it; opened through the authorized document action.</summary>
public sealed record CaseDocument(long Id, DocumentKind Kind, string OriginalName, string ContentType, long Length, DateTime UploadedAtUtc, RequestStatus UploadedInStatus)
{
    public string KindTitle => DocumentKindText.Title(Kind);

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>The document viewer page: one document of a request, by the request's id and tracking code.</summary>
public sealed record DocumentViewerPage(long RequestId, string? TrackingCode, CaseDocument Document)
{
    public string RequestPath => "/admin/requests/" + RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string DocumentPath => RequestPath + "/documents/" + Document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One move of the request, with who made it (staff see names; the applicant does not).</summary>
public sealed record CaseTransition(DateTime AtUtc, RequestStatus? From, RequestStatus To, string ActorName, string? Note);

/// <summary>A message to the applicant, or an internal note (<see cref="IsInternal"/>) that only staff ever see.</summary>
public sealed record CaseMessage(DateTime AtUtc, string AuthorName, string Text, bool IsInternal);

/// <summary>A proposed answer and what became of it.</summary>
public sealed record CaseProposal(AnswerProposal Proposal, string? StandardTitle, string? LinkedCertificateNumber)
{
    public string OutcomeTitle => RequestStatusText.Title(Proposal.Outcome);

    public string StateTitle => Proposal.Decision switch
    {
        null => "در انتظار تأیید مدیر",
        ProposalDecision.Approved => "تأیید و صادر شد",
        _ => "برگردانده شد",
    };
}

/// <summary>The answer letter issued for the request, offered on the case page through the staff download.</summary>
public sealed record CaseLetter(string LetterNumber, DateTime IssuedAtUtc);

/// <summary>A member of staff of the request's province, to whom it can be assigned.</summary>
public sealed record Colleague(string Id, string Name, string RoleTitle);

/// <summary>Everything the case page shows about one request, read once, untracked, within the user's scope.</summary>
public sealed record RequestCase(
    InquiryRequest Request,
    string? StandardTitle,
    string? StandardCode,
    string? ProvinceName,
    string? AssignedToName,
    string? AnswerCertificateNumber,
    bool IsOverdue,
    IReadOnlyList<CaseDocument> Documents,
    IReadOnlyList<CaseTransition> Timeline,
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyList<CaseProposal> Proposals,
    IReadOnlyList<Colleague> Colleagues,
    CaseLetter? Letter = null)
{
    public CaseProposal? PendingProposal => Proposals.FirstOrDefault(p => p.Proposal.IsPending);

    public string ApplicantName => $"{Request.FirstName} {Request.LastName}".Trim();

    public string Trade => StandardTitle ?? Request.TradeText ?? "—";
}

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
        foreach (var input in new CaseActionInput[] { Assign, StartReview, MoreDocuments, Visit, VisitHeld, Reschedule, CancelVisit, NoShow, Note, Message, Proposal, Approve, Return })
        {
            input.Version = version;
        }
    }
}

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
        ApproveInput or ReturnInput => Can.Decide,
        _ => false,
    };
}

/// <summary>Reads a request for the case page, only within the signed-in user's scope (null otherwise).</summary>
public sealed class RequestCaseReader(AppDbContext db, StaffScope scope, TimeProvider clock)
{
    public async Task<RequestCase?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var request = await scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId)
            .Where(r => r.Id == id && r.Status != RequestStatus.Draft)
            .Include(r => r.Standard).Include(r => r.Province)
            .Include(r => r.Transitions).Include(r => r.Documents).Include(r => r.Messages)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var proposals = await db.AnswerProposals.AsNoTracking().Where(p => p.RequestId == id)
            .OrderBy(p => p.ProposedAtUtc).ThenBy(p => p.Id)
            .Select(p => new
            {
                Proposal = p,
                StandardTitle = db.TrainingStandards.Where(s => s.Id == p.StandardId).Select(s => s.Title).FirstOrDefault(),
                LinkedNumber = db.Certificates.Where(c => c.Id == p.LinkedCertificateId).Select(c => c.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var answerNumber = request.AnswerCertificateId is { } certificateId
            ? await db.Certificates.AsNoTracking().Where(c => c.Id == certificateId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var colleagues = await ColleaguesAsync(request.ProvinceId, cancellationToken);

        // Offered only to whom the letter's own download would give it (the same province check).
        var letter = await db.AnswerLetters.AsNoTracking().Where(l => l.RequestId == id)
            .Select(l => new { l.LetterNumber, l.IssuedAtUtc, l.ProvinceId })
            .FirstOrDefaultAsync(cancellationToken);
        var caseLetter = letter is not null && scope.CanSee(letter.ProvinceId) ? new CaseLetter(letter.LetterNumber, letter.IssuedAtUtc) : null;
        var assignedName = request.AssignedToUserId is { } assignedId
            ? colleagues.FirstOrDefault(c => c.Id == assignedId)?.Name
                ?? await db.Users.AsNoTracking().Where(u => u.Id == assignedId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new RequestCase(
            request,
            request.Standard?.Title,
            request.Standard?.Code,
            request.Province?.Name,
            assignedName,
            answerNumber,
            IsOverdue: request.DueOn is { } due && due < IranTime.Today(clock),
            request.Documents.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
                .Select(d => new CaseDocument(d.Id, d.Kind, d.OriginalName, d.ContentType, d.Length, d.UploadedAtUtc, d.UploadedInStatus)).ToList(),
            request.Transitions.OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
                .Select(t => new CaseTransition(t.AtUtc, t.From, t.To, t.ActorName, t.Note)).ToList(),
            request.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
                .Select(m => new CaseMessage(m.AtUtc, m.AuthorName, m.Text, m.IsInternal)).ToList(),
            proposals.Select(p => new CaseProposal(p.Proposal, p.StandardTitle, p.LinkedNumber)).ToList(),
            colleagues,
            caseLetter);
    }

    /// <summary>The active provincial staff of <paramref name="provinceId"/>, by name.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(int? provinceId, CancellationToken cancellationToken)
    {
        if (provinceId is null)
        {
            return [];
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => u.ProvinceId == provinceId && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Select(ur => ur.RoleId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return users
            .Where(u => u.Role is StaffRoles.ProvincialExpert or StaffRoles.ProvincialManager)
            .Select(u => new Colleague(u.Id, string.IsNullOrEmpty(u.FullName) ? u.Email ?? u.Id : u.FullName, StaffRoles.PersianTitle(u.Role!)))
            .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fa-IR"), ignoreCase: false))
            .ToList();
    }

    /// <summary>The training standards for the proposal form, by title.</summary>
    public async Task<IReadOnlyList<(string Value, string Text)>> StandardsAsync(CancellationToken cancellationToken)
    {
        var standards = await db.TrainingStandards.AsNoTracking()
            .OrderBy(s => s.Title)
            .Select(s => new { s.Id, s.Code, s.Title })
            .ToListAsync(cancellationToken);
        return standards
            .Select(s => (s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), PersianText.ToPersianDigits(s.Title) + " (" + s.Code + ")"))
            .ToList();
    }
}
