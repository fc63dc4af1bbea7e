namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>What a manager decided about a proposed answer.</summary>
public enum ProposalDecision
{
    /// <summary>The answer was issued as proposed.</summary>
    Approved,

    /// <summary>Sent back to the proposer with a note; the request stays under review.</summary>
    Returned,
}

/// <summary>
/// An answer to a request as an expert (or a manager) proposes it, waiting for a manager of the province to approve
/// it before the applicant sees anything (maker–checker, see docs/decisions/ADR-010). A confirmed answer either links
/// a certificate already in the database (<see cref="LinkedCertificateId"/>) or carries the fields of the paper
/// certificate found in the archive, which becomes a certificate only on approval. Decided proposals are kept as
/// the request's history.
/// </summary>
public class AnswerProposal
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public AnswerOutcome Outcome { get; set; }

    /// <summary>Why the request is rejected (required then), or an explanation shown with «not found».</summary>
    public string? Reason { get; set; }

    /// <summary>A confirmed answer that names a certificate already in the database.</summary>
    public long? LinkedCertificateId { get; set; }

    // The paper certificate found in the archive (confirmed answers without a linked certificate). The holder is the
    // applicant of the request.
    public string? CertificateNumber { get; set; }

    public CertificateKind? CertificateKind { get; set; }

    public int? StandardId { get; set; }

    public DateOnly? ExamDate { get; set; }

    public DateOnly? IssueDate { get; set; }

    /// <summary>Licenses only.</summary>
    public DateOnly? ExpiryDate { get; set; }

    public string? TrainingCenter { get; set; }

    public TrainingProgram? Program { get; set; }

    public required string ProposedByUserId { get; set; }

    public required string ProposedByName { get; set; }

    public DateTime ProposedAtUtc { get; set; }

    public ProposalDecision? Decision { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The manager's note; required when the proposal is returned.</summary>
    public string? DecisionNote { get; private set; }

    public bool IsPending => Decision is null;

    /// <summary>A confirmed answer whose certificate is created from this proposal's fields on approval.</summary>
    public bool DigitizesPaperCertificate => Outcome == AnswerOutcome.Confirmed && LinkedCertificateId is null;

    /// <summary>Whether <paramref name="userId"/> may decide this proposal: anyone but the person who proposed it.</summary>
    public bool CanBeDecidedBy(string userId) => !string.Equals(userId, ProposedByUserId, StringComparison.Ordinal);

    public void Approve(string userId, string userName, DateTime atUtc, string? note) =>
        Decide(ProposalDecision.Approved, userId, userName, atUtc, note);

    public void Return(string userId, string userName, DateTime atUtc, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        Decide(ProposalDecision.Returned, userId, userName, atUtc, note);
    }

    private void Decide(ProposalDecision decision, string userId, string userName, DateTime atUtc, string? note)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException("This proposal has already been decided.");
        }

        if (!CanBeDecidedBy(userId))
        {
            // The whole point of a checker: the same person never makes and checks an answer.
            throw new SelfApprovalException();
        }

        Decision = decision;
        DecidedByUserId = userId;
        DecidedByName = userName;
        DecidedAtUtc = atUtc;
        DecisionNote = note;
    }
}

/// <summary>The person who proposed an answer tried to approve or return it themselves.</summary>
public sealed class SelfApprovalException()
    : InvalidOperationException("An answer must be approved by someone other than the person who proposed it.");
