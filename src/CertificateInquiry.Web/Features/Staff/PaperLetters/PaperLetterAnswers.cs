using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// The paper letter's side of an approved answer: when a manager approves the answer of a request that came from a
/// paper letter (<see cref="Requests.AnswerApproval"/>), its row takes the finding, in the approval's transaction.
/// Only that row is written: two managers approving the last two rows at once touch different rows, and the letter's
/// status is read from its rows (<see cref="PaperLetter.StatusFor"/>), so neither can miss the other.
/// </summary>
public sealed class PaperLetterAnswers(AppDbContext db, TimeProvider clock, ILogger<PaperLetterAnswers> logger)
{
    /// <summary>Copies the answered request's finding into its row; the caller's SaveChanges writes it.</summary>
    public async Task RecordAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is not { Status: RequestStatus.Answered, Outcome: { } outcome })
        {
            throw new InvalidOperationException("Only an answered request gives its paper letter row a finding.");
        }

        var row = await db.PaperLetterRows.SingleOrDefaultAsync(r => r.RequestId == request.Id, cancellationToken)
            ?? throw new InvalidOperationException("The request names a paper letter but no row of it.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome == AnswerOutcome.Confirmed && request.AnswerCertificateId is { } certificateId)
        {
            var certificate = await db.Certificates.Include(c => c.Standard).Include(c => c.Province).Include(c => c.Person)
                .SingleAsync(c => c.Id == certificateId, cancellationToken);
            var today = IranTime.Today(clock);
            var facts = new CertificateFacts(
                certificate.Id,
                certificate.Number,
                certificate.Kind,
                certificate.Status == CertificateStatus.Revoked ? StandingKind.Revoked : certificate.IsExpired(today) ? StandingKind.Expired : StandingKind.Valid,
                certificate.Standard!.Title,
                certificate.Standard.Code,
                certificate.Standard.Hours,
                certificate.ExamDate,
                certificate.IssueDate,
                certificate.ExpiryDate,
                certificate.Province!.Name,
                CertificateDisclosure.IssuingOffice(certificate.Province.Name));
            PaperLetterFindings.Verified(row, facts,
                row.FirstName is null ? null : NameComparison.Compare(row.FirstName, certificate.Person!.FirstName),
                row.LastName is null ? null : NameComparison.Compare(row.LastName, certificate.Person!.LastName),
                now);
        }
        else
        {
            row.Outcome = PaperRowOutcome.NotFound;
            row.AnsweredAtUtc = now;
        }

        logger.RowAnswered(row.PaperLetterId, row.RowNumber, request.Id, row.Outcome.ToString());
    }
}
