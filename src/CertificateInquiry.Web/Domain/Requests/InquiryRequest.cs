namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// A request to confirm a paper certificate issued before 1392. The citizen side fills it in and pays; the
/// province's staff review and answer it. Status changes go only through <see cref="MoveTo"/>, which refuses
/// what <see cref="RequestStateMachine"/> does not allow and records every move.
/// </summary>
public class InquiryRequest
{
    /// <summary>Exam years before this one are the paper era.</summary>
    public const int FirstElectronicYear = 1392;

    public long Id { get; set; }

    /// <summary>A random secret that lets the applicant's browser come back to the draft (kept in a protected cookie).</summary>
    public required string AccessKey { get; set; }

    /// <summary>Issued when the request is submitted and paid; null for a draft.</summary>
    public string? TrackingCode { get; set; }

    public RequestStatus Status { get; private set; } = RequestStatus.Draft;

    // Applicant

    /// <summary>The applicant's national code (10 digits) or, for a foreign national, unique identifier (12 digits).</summary>
    public string? NationalCode { get; set; }

    /// <summary>A foreign applicant's nationality (ISO 3166-1 alpha-2); null for an Iranian.</summary>
    public string? Nationality { get; set; }

    /// <summary>
    /// The passport or residence-card (کارت آمایش) number a foreign national's paper certificate carries, when they gave it:
    /// older certificates were issued before the unique identifier existed.
    /// </summary>
    public string? IdentityDocumentNumber { get; set; }

    /// <summary>
    /// Whether the applicant is a foreign national: a nationality is given, or the identifier has the foreign unique
    /// identifier's 12 digits (a row of an agency's paper letter names no nationality).
    /// </summary>
    public bool IsForeignNational => Nationality is not null || NationalCode is { Length: ForeignIdentifierLength };

    /// <summary>The length of a foreign national's unique identifier (see Infrastructure's HolderIdentifier).</summary>
    private const int ForeignIdentifierLength = 12;

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? FatherName { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Gender? Gender { get; set; }

    /// <summary>Iranian mobile number, 11 ASCII digits starting 09.</summary>
    public string? Mobile { get; set; }

    /// <summary>When the applicant proved they hold <see cref="Mobile"/> with a one-time code; cleared when the number changes.</summary>
    public DateTime? MobileConfirmedAtUtc { get; set; }

    /// <summary>
    /// How many different mobile numbers a code was sent to for this request; at most
    /// <c>PhoneVerification:MaxNumbersPerRequest</c>. Raised by a conditional UPDATE, so two tabs cannot both take the last.
    /// </summary>
    public int MobileNumbersUsed { get; set; }

    public string? Email { get; set; }

    public RequesterKind RequesterKind { get; set; }

    public string? OrganizationName { get; set; }

    public string? OrganizationLetterNumber { get; set; }

    /// <summary>
    /// The agency's paper letter this request came from (a row not found in the database, ADR-027): filed by a member
    /// of staff for the agency, with no applicant's mobile and no fee; its answer goes into the letter's answer letter.
    /// </summary>
    public long? PaperLetterId { get; set; }

    public Agencies.PaperLetter? PaperLetter { get; set; }

    // What the applicant remembers of the certificate
    public int? StandardId { get; set; }

    public TrainingStandard? Standard { get; set; }

    /// <summary>The trade in the applicant's words when it is not in the list of standards.</summary>
    public string? TradeText { get; set; }

    /// <summary>Jalali year of the exam, before <see cref="FirstElectronicYear"/>.</summary>
    public int? ExamYear { get; set; }

    /// <summary>The province that issued the certificate; its office answers the request.</summary>
    public int? ProvinceId { get; set; }

    public Province? Province { get; set; }

    public string? TrainingCenter { get; set; }

    public string? CertificateNumber { get; set; }

    // Progress
    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>When the current step should be done by (service-level target of the status); null when nothing is due.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The staff member working on the request (an Identity user id).</summary>
    public string? AssignedToUserId { get; set; }

    public VisitKind? VisitKind { get; set; }

    public DateTime? VisitAtLocal { get; set; }

    public string? VisitPlace { get; set; }

    public AnswerOutcome? Outcome { get; set; }

    /// <summary>Why the request was rejected (shown to the applicant).</summary>
    public string? OutcomeReason { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>The certificate the answer confirmed (digitized from the paper archive).</summary>
    public long? AnswerCertificateId { get; set; }

    /// <summary>Changes on every save so that two people acting on the same request cannot overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether Shahkar confirmed that <see cref="Mobile"/> is registered to <see cref="NationalCode"/> (a mismatch is refused on the form).</summary>
    public MobileOwnership MobileOwnership { get; set; }

    /// <summary>What the civil registry said of the applicant's national code, birth date and names, checked after submission.</summary>
    public IdentityCheck IdentityCheck { get; set; }

    /// <summary>The fields the registry holds differently (<see cref="IdentityField"/> names, comma-separated) when <see cref="IdentityCheck"/> is <see cref="IdentityCheck.Differs"/>.</summary>
    public string? IdentityDifferences { get; set; }

    public DateTime? IdentityCheckedAtUtc { get; set; }

    /// <summary>Calls made to the registry for this request; the check stops after a few failed ones.</summary>
    public int IdentityCheckAttempts { get; set; }

    public List<RequestTransition> Transitions { get; } = [];

    public List<RequestDocument> Documents { get; } = [];

    public List<RequestMessage> Messages { get; } = [];

    public List<Payment> Payments { get; } = [];

    public bool IsMale => Gender == Domain.Gender.Male;

    /// <summary>
    /// Moves the request to <paramref name="to"/> and records who did it and when; throws
    /// <see cref="IllegalTransitionException"/> (changing nothing) when the state machine does not allow it.
    /// Moves that carry details go through their own method instead (<see cref="Submit"/>, <see cref="ScheduleVisit"/>,
    /// <see cref="Answer"/>), so that a request can never be submitted without a tracking code, await a visit
    /// without an appointment, or be answered without an outcome.
    /// </summary>
    public RequestTransition MoveTo(RequestStatus to, string actor, string actorName, DateTime atUtc, DateOnly? dueOn, string? note = null)
    {
        EnsureCanMove(to);
        var detailsMethod = to switch
        {
            RequestStatus.Submitted => nameof(Submit),
            RequestStatus.AwaitingVisit => nameof(ScheduleVisit),
            RequestStatus.Answered => nameof(Answer),
            _ => null,
        };
        if (detailsMethod is not null)
        {
            throw new InvalidOperationException($"A request moves to {to} through {detailsMethod}, which records the details that move needs.");
        }

        return Move(to, actor, actorName, atUtc, dueOn, note);
    }

    /// <summary>Draft → Submitted once the fee is paid: issues the tracking code.</summary>
    public RequestTransition Submit(string trackingCode, DateTime atUtc, DateOnly dueOn)
    {
        if (!Requests.TrackingCode.IsWellFormed(trackingCode))
        {
            throw new ArgumentException("Not a well-formed tracking code (see TrackingCode.New).", nameof(trackingCode));
        }

        EnsureCanMove(RequestStatus.Submitted);
        var transition = Move(RequestStatus.Submitted, RequestActor.Applicant, "متقاضی", atUtc, dueOn, note: null);
        TrackingCode = trackingCode;
        SubmittedAtUtc = atUtc;
        return transition;
    }

    /// <summary>
    /// Draft → Submitted for a row of an agency's paper letter: the member of staff who registered the letter files
    /// it (there is no applicant to pay), and the tracking code is issued as on any submission.
    /// </summary>
    public RequestTransition SubmitFromPaperLetter(string trackingCode, string actor, string actorName, DateTime atUtc, DateOnly dueOn, string note)
    {
        if (PaperLetterId is null && PaperLetter is null)
        {
            throw new InvalidOperationException("Only a request of a paper letter is submitted without its applicant.");
        }

        if (!Requests.TrackingCode.IsWellFormed(trackingCode))
        {
            throw new ArgumentException("Not a well-formed tracking code (see TrackingCode.New).", nameof(trackingCode));
        }

        EnsureCanMove(RequestStatus.Submitted);
        var transition = Move(RequestStatus.Submitted, actor, actorName, atUtc, dueOn, note);
        TrackingCode = trackingCode;
        SubmittedAtUtc = atUtc;
        return transition;
    }

    /// <summary>UnderReview → AwaitingVisit with the appointment the applicant is told about.</summary>
    public RequestTransition ScheduleVisit(VisitKind kind, DateTime atLocal, string place, string actor, string actorName, DateTime atUtc, DateOnly dueOn, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        EnsureCanMove(RequestStatus.AwaitingVisit);
        var transition = Move(RequestStatus.AwaitingVisit, actor, actorName, atUtc, dueOn, note);
        VisitKind = kind;
        VisitAtLocal = atLocal;
        VisitPlace = place;
        return transition;
    }

    /// <summary>AwaitingVisit → AwaitingVisit: the same visit at another time or place; the applicant is told the new one.</summary>
    public RequestTransition RescheduleVisit(DateTime atLocal, string place, string actor, string actorName, DateTime atUtc, DateOnly dueOn, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        if (Status != RequestStatus.AwaitingVisit)
        {
            throw new IllegalTransitionException(Status, RequestStatus.AwaitingVisit);
        }

        var transition = Move(RequestStatus.AwaitingVisit, actor, actorName, atUtc, dueOn, note);
        VisitAtLocal = atLocal;
        VisitPlace = place;
        return transition;
    }

    /// <summary>AwaitingVisit → UnderReview: the visit is called off (the reason is shown to the applicant); no appointment is left.</summary>
    public RequestTransition CancelVisit(string reason, string actor, string actorName, DateTime atUtc, DateOnly? dueOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return EndVisit(reason, actor, actorName, atUtc, dueOn);
    }

    /// <summary>
    /// AwaitingVisit → UnderReview once the appointment has passed without the applicant: the review goes on (staff may
    /// set a new visit, ask for documents or answer), and the transition's note records the absence for the timeline.
    /// </summary>
    public RequestTransition RecordNoShow(DateTime nowLocal, string note, string actor, string actorName, DateTime atUtc, DateOnly? dueOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (Status == RequestStatus.AwaitingVisit && VisitAtLocal > nowLocal)
        {
            throw new InvalidOperationException("A no-show is recorded only once the appointment has passed.");
        }

        return EndVisit(note, actor, actorName, atUtc, dueOn);
    }

    /// <summary>Whether the appointment's time has come (a no-show can be recorded from then on).</summary>
    public bool VisitTimeHasCome(DateTime nowLocal) => Status == RequestStatus.AwaitingVisit && VisitAtLocal <= nowLocal;

    private RequestTransition EndVisit(string note, string actor, string actorName, DateTime atUtc, DateOnly? dueOn)
    {
        if (Status != RequestStatus.AwaitingVisit)
        {
            throw new IllegalTransitionException(Status, RequestStatus.UnderReview);
        }

        var transition = Move(RequestStatus.UnderReview, actor, actorName, atUtc, dueOn, note);
        VisitKind = null;
        VisitAtLocal = null;
        VisitPlace = null;
        return transition;
    }

    /// <summary>UnderReview → Answered. A rejection needs a reason.</summary>
    public RequestTransition Answer(AnswerOutcome outcome, string? reason, long? certificateId, string actor, string actorName, DateTime atUtc)
    {
        if (outcome == AnswerOutcome.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection needs a reason.", nameof(reason));
        }

        if (outcome == AnswerOutcome.Confirmed && certificateId is null)
        {
            throw new ArgumentException("A confirmed answer names the certificate.", nameof(certificateId));
        }

        EnsureCanMove(RequestStatus.Answered);
        var transition = Move(RequestStatus.Answered, actor, actorName, atUtc, null, reason);
        Outcome = outcome;
        OutcomeReason = reason;
        AnswerCertificateId = outcome == AnswerOutcome.Confirmed ? certificateId : null;
        AnsweredAtUtc = atUtc;
        return transition;
    }

    /// <summary>
    /// Records a staff change that is not a move (an assignment, a note, a message, a proposed or returned answer):
    /// <see cref="Version"/> is renewed as on a move, so that a form loaded before the change cannot be saved over it.
    /// </summary>
    public void MarkChanged(DateTime atUtc)
    {
        UpdatedAtUtc = atUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>Gives the request to a member of staff (null: to nobody).</summary>
    public void AssignTo(string? userId, DateTime atUtc)
    {
        AssignedToUserId = userId;
        MarkChanged(atUtc);
    }

    private void EnsureCanMove(RequestStatus to)
    {
        if (!RequestStateMachine.CanMove(Status, to))
        {
            throw new IllegalTransitionException(Status, to);
        }
    }

    // Only after EnsureCanMove. A new Version on every move: it is the concurrency token, and a token that never
    // changes lets two staff members who loaded the same request both save their move (a lost update).
    private RequestTransition Move(RequestStatus to, string actor, string actorName, DateTime atUtc, DateOnly? dueOn, string? note)
    {
        var transition = new RequestTransition
        {
            RequestId = Id,
            From = Status,
            To = to,
            AtUtc = atUtc,
            Actor = actor,
            ActorName = actorName,
            Note = note,
        };
        Transitions.Add(transition);
        Status = to;
        DueOn = dueOn;
        UpdatedAtUtc = atUtc;
        Version = Guid.NewGuid();
        return transition;
    }

    /// <summary>Documents are taken while filling in, and later only when staff asked for more.</summary>
    public bool AcceptsDocuments => Status is RequestStatus.Draft or RequestStatus.NeedsMoreDocuments;

    /// <summary>
    /// The documents the seed requires for this applicant and trade (the paper certificate itself is optional). A foreign
    /// national has no Iranian birth certificate and does no Iranian military service: their identity document (residence
    /// card or passport, asked for under <see cref="DocumentKind.NationalCard"/>) and their degree are asked for.
    /// </summary>
    public IReadOnlyList<DocumentKind> RequiredDocuments(bool tradeNeedsPrerequisite)
    {
        if (IsForeignNational)
        {
            return tradeNeedsPrerequisite
                ? [DocumentKind.NationalCard, DocumentKind.EducationDegree, DocumentKind.Prerequisite]
                : [DocumentKind.NationalCard, DocumentKind.EducationDegree];
        }

        var kinds = new List<DocumentKind> { DocumentKind.NationalCard, DocumentKind.BirthCertificate, DocumentKind.EducationDegree };
        if (IsMale)
        {
            kinds.Add(DocumentKind.MilitaryService);
        }

        if (tradeNeedsPrerequisite)
        {
            kinds.Add(DocumentKind.Prerequisite);
        }

        return kinds;
    }
}
