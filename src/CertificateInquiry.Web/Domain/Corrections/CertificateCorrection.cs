namespace CertificateInquiry.Web.Domain.Corrections;

/// <summary>Where a holder's report of an error stands.</summary>
public enum CorrectionStatus
{
    /// <summary>Reported, waiting for an expert of the issuing province (or sent back to them by a manager).</summary>
    Open,

    /// <summary>An expert proposed to correct or to reject it; a manager of the province, never the proposer, decides.</summary>
    Proposed,

    /// <summary>Approved: the record was corrected (final).</summary>
    Corrected,

    /// <summary>Rejected with a reason told to the holder (final).</summary>
    Rejected,
}

/// <summary>What the expert proposes.</summary>
public enum CorrectionOutcome
{
    Correct,
    Reject,
}

/// <summary>
/// A holder's report that a field of one of their certificates is wrong (issue 14, «گزارش خطا»), and the correction
/// case it becomes in the back-office of the certificate's issuing province: an expert proposes to correct it (with the
/// value the holder gave, or one they adjusted after checking the archive) or to reject it, and a manager, never the
/// proposer, approves or sends it back (maker–checker, ADR-010 and ADR-034). Values are kept as text in one invariant
/// form: names normalized, dates ISO <c>yyyy-MM-dd</c>, a standard by its id.
/// </summary>
public class CertificateCorrection
{
    public long Id { get; set; }

    public long CertificateId { get; set; }

    public Certificate? Certificate { get; set; }

    /// <summary>The certificate's issuing province when reported: whose back-office the case is in.</summary>
    public int ProvinceId { get; set; }

    /// <summary>The holder's identifier (national code or foreign national's identifier) the report was made under.</summary>
    public required string HolderIdentifier { get; set; }

    public CorrectionField Field { get; set; }

    /// <summary>The value the record held when the holder reported it.</summary>
    public required string ReportedValue { get; set; }

    /// <summary>The value the holder says is right.</summary>
    public required string RequestedValue { get; set; }

    public required string Note { get; set; }

    /// <summary>Where the answer is sent by SMS.</summary>
    public required string Mobile { get; set; }

    /// <summary>From the form the holder filled in: a second post of the same form (a replay, a double click) finds this report instead of making another.</summary>
    public Guid SubmissionKey { get; set; }

    /// <summary>
    /// <see cref="OpenKeyFor"/> while the report is open or proposed, null once decided: unique, so that a holder never
    /// has two open reports of one field (a name: of theirs; a date or the standard: of one certificate), even from two tabs at once.
    /// </summary>
    public string? OpenKey { get; set; }

    public CorrectionStatus Status { get; set; }

    // The optional document (same store and rules as the request form's uploads).
    public string? DocumentName { get; set; }

    public string? DocumentStoredName { get; set; }

    public string? DocumentContentType { get; set; }

    public long? DocumentLength { get; set; }

    public string? DocumentSha256 { get; set; }

    // The expert's proposal (the latest; sent-back ones are in the staff audit trail).
    public CorrectionOutcome? ProposedOutcome { get; set; }

    /// <summary>The value to be written when <see cref="ProposedOutcome"/> is <see cref="CorrectionOutcome.Correct"/>.</summary>
    public string? ProposedValue { get; set; }

    /// <summary>The reason of a rejection (told to the holder) or the expert's note to the manager.</summary>
    public string? ProposedReason { get; set; }

    public string? ProposedByUserId { get; set; }

    public string? ProposedByName { get; set; }

    public DateTime? ProposedAtUtc { get; set; }

    // The manager's decision (or the last sending back).
    public string? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The manager's note: why it was sent back, or a note with the approval.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>What the holder is told on their list of reports once it is decided.</summary>
    public string? Answer { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The concurrency token: renewed on every change, so that a form loaded before a colleague acted cannot be saved over it.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsDecided => Status is CorrectionStatus.Corrected or CorrectionStatus.Rejected;

    /// <summary>
    /// The open key of a report of <paramref name="field"/> on <paramref name="certificate"/>: a name belongs to the
    /// person, so one open report of it per person («p12:FatherName»), whichever certificate it came from; a date or the
    /// standard one per certificate («c34:IssueDate»).
    /// </summary>
    public static string OpenKeyFor(Certificate certificate, CorrectionField field) =>
        field is CorrectionField.FirstName or CorrectionField.LastName or CorrectionField.FatherName
            ? "p" + certificate.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + field
            : "c" + certificate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + field;

    /// <summary>Whether <paramref name="userId"/> may decide the pending proposal: anyone but the person who proposed it.</summary>
    public bool CanBeDecidedBy(string userId) => !string.Equals(userId, ProposedByUserId, StringComparison.Ordinal);

    public void Propose(CorrectionOutcome outcome, string? value, string? reason, string userId, string userName, DateTime atUtc)
    {
        if (Status != CorrectionStatus.Open)
        {
            throw new InvalidOperationException("Only an open correction can be proposed.");
        }

        ProposedOutcome = outcome;
        ProposedValue = outcome == CorrectionOutcome.Correct ? value ?? throw new ArgumentNullException(nameof(value)) : null;
        ProposedReason = reason;
        ProposedByUserId = userId;
        ProposedByName = userName;
        ProposedAtUtc = atUtc;
        Status = CorrectionStatus.Proposed;
        Touch(atUtc);
    }

    /// <summary>The manager sends the proposal back to the experts with a note; the case is open again.</summary>
    public void SendBack(string userId, string userName, DateTime atUtc, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        EnsureDecidableBy(userId);
        Status = CorrectionStatus.Open;
        Decided(userId, userName, atUtc, note);
    }

    /// <summary>The manager approves the proposal: the case ends corrected or rejected, as proposed.</summary>
    public void Approve(string userId, string userName, DateTime atUtc, string? note, string answer)
    {
        EnsureDecidableBy(userId);
        Status = ProposedOutcome == CorrectionOutcome.Correct ? CorrectionStatus.Corrected : CorrectionStatus.Rejected;
        OpenKey = null;
        Answer = answer;
        Decided(userId, userName, atUtc, note);
    }

    private void EnsureDecidableBy(string userId)
    {
        if (Status != CorrectionStatus.Proposed)
        {
            throw new InvalidOperationException("No proposal waits for a decision.");
        }

        if (!CanBeDecidedBy(userId))
        {
            throw new Requests.SelfApprovalException();
        }
    }

    private void Decided(string userId, string userName, DateTime atUtc, string? note)
    {
        DecidedByUserId = userId;
        DecidedByName = userName;
        DecidedAtUtc = atUtc;
        DecisionNote = note;
        Touch(atUtc);
    }

    private void Touch(DateTime atUtc)
    {
        UpdatedAtUtc = atUtc;
        Version = Guid.NewGuid();
    }
}
