using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// The issued answer letter of a paper letter behind a verification code, for the public verify page
/// (<c>/letters/verify/{code}</c>, shared with the requests' letters); null for an unknown, malformed or unissued code.
/// </summary>
public sealed class PaperLetterVerifier(AppDbContext db)
{
    public async Task<PaperLetter?> VerifyAsync(string code, CancellationToken cancellationToken)
    {
        if (!VerificationCode.IsWellFormed(code))
        {
            return null;
        }

        var letter = await db.PaperLetters.AsNoTracking()
            .Include(l => l.Rows)
            .Include(l => l.Province)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.VerificationCode == code && l.IssuedAtUtc != null, cancellationToken);
        letter?.Rows.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return letter;
    }

    /// <summary>A national code as the public page shows it: the last four digits only.</summary>
    public static string Masked(string? nationalCode) =>
        nationalCode is { Length: > 4 } code ? new string('•', code.Length - 4) + code[^4..] : "—";
}
