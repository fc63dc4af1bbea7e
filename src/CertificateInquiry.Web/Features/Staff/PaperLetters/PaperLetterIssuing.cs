using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// Issues a paper letter's one answer letter, when a manager of the province (or a national admin) presses the button
/// once every row is answered. The number comes from the province's series of answer letters (shared with the
/// requests' letters) inside the transaction, so a refusal gives it back; the letter's version is the concurrency
/// token, so of two managers pressing at once exactly one issues it and the other is told it was issued.
/// </summary>
public sealed class PaperLetterIssuing(
    AppDbContext db, StaffScope scope, AnswerLetters numbers, StaffAuditTrail trail, TimeProvider clock, ILogger<PaperLetterIssuing> logger)
{
    public const string IssueAction = "paper-letter.issue";

    public async Task<IssueOutcome> IssueAsync(long id, Guid version, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var letter = await scope.Restrict(db.PaperLetters, l => (int?)l.ProvinceId).SingleOrDefaultAsync(l => l.Id == id, token);
            if (letter is null)
            {
                return new IssueOutcome(IssueOutcome.Kinds.NotFound);
            }

            if (!AnswerApproval.IsChecker(scope))
            {
                return new IssueOutcome(IssueOutcome.Kinds.Forbidden, IssueOutcome.ForbiddenMessage);
            }

            if (letter.IsIssued)
            {
                return new IssueOutcome(IssueOutcome.Kinds.AlreadyIssued, IssueOutcome.AlreadyIssuedMessage);
            }

            if (letter.Version != version)
            {
                return new IssueOutcome(IssueOutcome.Kinds.Conflict, IssueOutcome.ConflictMessage);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (await db.PaperLetterRows.AnyAsync(r => r.PaperLetterId == id && r.AnsweredAtUtc == null, token))
            {
                return new IssueOutcome(IssueOutcome.Kinds.RowsOpen, IssueOutcome.RowsOpenMessage);
            }

            var signer = await db.Users.SingleAsync(user => user.Id == scope.UserId, token);
            if (signer.ProvinceId is { } signerProvince && signerProvince != letter.ProvinceId)
            {
                return new IssueOutcome(IssueOutcome.Kinds.NotFound);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var (year, sequence, number) = await numbers.ClaimNumberAsync(letter.ProvinceId, now, token);
            db.Entry(letter).Property(l => l.Version).OriginalValue = version;
            letter.Issue(number, year, sequence, VerificationCode.New(), now, signer.Id,
                string.IsNullOrWhiteSpace(signer.FullName) ? signer.Email ?? signer.Id : signer.FullName, signer.Title);
            trail.Record(IssueAction, "PaperLetter", letter.Id.ToString(CultureInfo.InvariantCulture), letter.ProvinceId,
                details: "صدور نامه پاسخ شماره " + number + " به " + letter.AgencyName);
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new IssueOutcome(IssueOutcome.Kinds.AlreadyIssued, IssueOutcome.AlreadyIssuedMessage); // the other manager's press won
            }

            await transaction.CommitAsync(token);
            logger.AnswerLetterIssued(scope.UserId, number, letter.Id);
            return new IssueOutcome(IssueOutcome.Kinds.Issued);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        if (outcome.Kind is not (IssueOutcome.Kinds.Issued or IssueOutcome.Kinds.NotFound))
        {
            logger.IssueRefused(scope.UserId, id, outcome.Kind.ToString());
        }

        return outcome;
    }
}
