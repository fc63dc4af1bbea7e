using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Tracking;

/// <summary>Finds a request by its tracking code and the applicant's national code, as the applicant may see it.</summary>
public sealed class RequestTrackingService(AppDbContext db, IOptions<RequestServiceLevels> serviceLevels, TimeProvider clock)
{
    /// <summary>
    /// The request whose tracking code and national code are both these, or null. Both keys are in one query, so a
    /// wrong tracking code and a wrong national code cost the same and answer the same. Internal staff notes are
    /// not even read.
    /// </summary>
    public async Task<RequestTracking?> FindAsync(string trackingCode, string nationalCode, CancellationToken cancellationToken)
    {
        var row = await db.Requests.AsNoTracking()
            .WithTrackingKeys(trackingCode, nationalCode)
            .Select(r => new TrackedRequestRow
            {
                TrackingCode = r.TrackingCode!,
                FirstName = r.FirstName,
                LastName = r.LastName,
                StandardTitle = r.Standard != null ? r.Standard.Title : null,
                TradeText = r.TradeText,
                ExamYear = r.ExamYear,
                ProvinceName = r.Province != null ? r.Province.Name : null,
                SubmittedAtUtc = r.SubmittedAtUtc,
                Status = r.Status,
                DueOn = r.DueOn,
                VisitKind = r.VisitKind,
                VisitAtLocal = r.VisitAtLocal,
                VisitPlace = r.VisitPlace,
                Outcome = r.Outcome,
                OutcomeReason = r.OutcomeReason,
                AnsweredAtUtc = r.AnsweredAtUtc,
                CertificateNumber = db.Certificates.Where(c => c.Id == r.AnswerCertificateId).Select(c => c.Number).FirstOrDefault(),
                LetterNumber = db.AnswerLetters.Where(l => l.RequestId == r.Id).Select(l => l.LetterNumber).FirstOrDefault(),
                LetterIssuedAtUtc = db.AnswerLetters.Where(l => l.RequestId == r.Id).Select(l => (DateTime?)l.IssuedAtUtc).FirstOrDefault(),
                Transitions = r.Transitions.OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
                    .Select(t => new TimelineEntry(t.AtUtc, t.To, t.Note)).ToList(),
                Messages = r.Messages.Where(m => !m.IsInternal).OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
                    .Select(m => new StaffMessage(m.AtUtc, m.Text)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : RequestTracking.From(row, serviceLevels.Value, IranTime.Today(clock));
    }
}

/// <summary>What the tracking query reads; <see cref="RequestTracking.From"/> turns it into what the page shows.</summary>
public sealed class TrackedRequestRow
{
    public required string TrackingCode { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? StandardTitle { get; init; }

    public string? TradeText { get; init; }

    public int? ExamYear { get; init; }

    public string? ProvinceName { get; init; }

    public DateTime? SubmittedAtUtc { get; init; }

    public RequestStatus Status { get; init; }

    public DateOnly? DueOn { get; init; }

    public VisitKind? VisitKind { get; init; }

    public DateTime? VisitAtLocal { get; init; }

    public string? VisitPlace { get; init; }

    public AnswerOutcome? Outcome { get; init; }

    public string? OutcomeReason { get; init; }

    public DateTime? AnsweredAtUtc { get; init; }

    public string? CertificateNumber { get; init; }

    /// <summary>The number of the request's answer letter, if one was issued.</summary>
    public string? LetterNumber { get; init; }

    public DateTime? LetterIssuedAtUtc { get; init; }

    public required List<TimelineEntry> Transitions { get; init; }

    public required List<StaffMessage> Messages { get; init; }
}
