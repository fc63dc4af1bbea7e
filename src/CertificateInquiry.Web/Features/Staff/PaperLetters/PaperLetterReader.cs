using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Admin;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>Reads paper letters for the back-office, always through <see cref="StaffScope"/>: another province's letter is not found.</summary>
public sealed class PaperLetterReader(AppDbContext db, StaffScope scope, TimeProvider clock)
{
    /// <summary>The most letters the list shows at once (the newest).</summary>
    public const int ListSize = 200;

    public async Task<PaperLetterListPage> ListAsync(CancellationToken cancellationToken)
    {
        var letters = scope.Restrict(db.PaperLetters.AsNoTracking(), l => (int?)l.ProvinceId);
        var total = await letters.CountAsync(cancellationToken);
        var rows = await letters
            .OrderByDescending(l => l.RegisteredAtUtc).ThenByDescending(l => l.Id)
            .Take(ListSize)
            .Select(l => new
            {
                Letter = l,
                ProvinceName = l.Province!.Name,
                Rows = l.Rows.Count,
                Answered = l.Rows.Count(r => r.AnsweredAtUtc != null),
            })
            .ToListAsync(cancellationToken);
        var summaries = rows.Select(r => new PaperLetterSummary(
            r.Letter.Id, r.Letter.AgencyName, r.Letter.AgencyLetterNumber, r.Letter.AgencyLetterDate, r.ProvinceName, r.Letter.RegisteredAtUtc,
            r.Rows, r.Answered, r.Letter.StatusFor(r.Rows - r.Answered), r.Letter.AnswerLetterNumber)).ToList();
        return new PaperLetterListPage(summaries, ProvinceOptions.NameOf(scope.ProvinceId), total, summaries.Count);
    }

    public async Task<PaperLetterPage?> PageAsync(long id, string? notice, CancellationToken cancellationToken)
    {
        var letter = await LetterAsync(id, cancellationToken);
        if (letter is null)
        {
            return null;
        }

        var requestIds = letter.Rows.Where(r => r.RequestId is not null).Select(r => r.RequestId!.Value).ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Select(r => new { r.Id, r.TrackingCode, r.Status })
            .ToDictionaryAsync(r => r.Id, r => (r.TrackingCode, r.Status), cancellationToken);
        var answered = letter.Rows.Count(r => r.IsAnswered);
        var status = letter.StatusFor(letter.Rows.Count - answered);
        var provinceName = ProvinceOptions.NameOf(letter.ProvinceId) ?? "";
        return new PaperLetterPage(letter, provinceName, requests, status, answered,
            status == PaperLetterStatus.AllRowsAnswered && AnswerApproval.IsChecker(scope), notice);
    }

    /// <summary>The letter with its rows in order, within the user's scope; null otherwise.</summary>
    public async Task<PaperLetter?> LetterAsync(long id, CancellationToken cancellationToken)
    {
        var letter = await scope.Restrict(db.PaperLetters.AsNoTracking(), l => (int?)l.ProvinceId)
            .Include(l => l.Rows)
            .Include(l => l.Province)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        letter?.Rows.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return letter;
    }

    /// <summary>The registered agencies the form offers (active ones), by name.</summary>
    public async Task<IReadOnlyList<(string Value, string Text)>> AgenciesAsync(CancellationToken cancellationToken)
    {
        var today = Infrastructure.Persian.IranTime.Today(clock);
        var agencies = await db.AgencyClients.AsNoTracking().Where(a => a.SuspendedAtUtc == null).ToListAsync(cancellationToken);
        return [.. agencies.Where(a => a.IsActiveOn(today))
            .OrderBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fa-IR"), ignoreCase: false))
            .Select(a => (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name))];
    }
}
