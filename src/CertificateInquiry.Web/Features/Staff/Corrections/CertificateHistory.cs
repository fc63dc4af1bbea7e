using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Holders.Corrections;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Corrections;

/// <summary>One change of a certificate's record as staff read it: values shown in Persian (dates Jalali, a standard by title).</summary>
public sealed record CertificateChangeRow(DateTime AtUtc, string FieldTitle, string OldValue, string NewValue, string ApprovedByName, long CorrectionId);

/// <summary>The named query «a certificate's changes» (<see cref="Domain.Corrections.CertificateChange"/>), newest first: the correction case page and the admin's certificate page show it.</summary>
public static class CertificateHistory
{
    public static async Task<IReadOnlyList<CertificateChangeRow>> ForAsync(AppDbContext db, long certificateId, CancellationToken cancellationToken)
    {
        var changes = await db.CertificateChanges.AsNoTracking()
            .Where(c => c.CertificateId == certificateId)
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return [];
        }

        var titles = await HolderCorrections.StandardTitlesAsync(db, cancellationToken);
        return changes.Select(c => new CertificateChangeRow(
            c.AtUtc, CorrectionValues.Title(c.Field), CorrectionValues.Display(c.Field, c.OldValue, titles), CorrectionValues.Display(c.Field, c.NewValue, titles),
            c.ApprovedByName, c.CorrectionId)).ToList();
    }
}
