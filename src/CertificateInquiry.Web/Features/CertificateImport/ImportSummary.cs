using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.CertificateImport;

public static class ImportSummary
{
    /// <summary>The counts of a successful import, one line in Persian and one in English.</summary>
    public static string Format(ImportResult result)
    {
        string P(int n) => PersianText.ToPersianDigits(n);
        var persian = $"ورود اطلاعات انجام شد: {P(result.Rows)} ردیف — {P(result.Inserted)} جدید، {P(result.Updated)} به‌روزشده، "
            + $"{P(result.Unchanged)} بدون تغییر؛ دارندگان: {P(result.PeopleInserted)} جدید، {P(result.PeopleUpdated)} به‌روزشده؛ "
            + $"استانداردها: {P(result.StandardsInserted)} جدید، {P(result.StandardsUpdated)} به‌روزشده.";
        var english = string.Create(CultureInfo.InvariantCulture,
            $"Import done: {result.Rows} rows — {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged; "
            + $"people: {result.PeopleInserted} inserted, {result.PeopleUpdated} updated; "
            + $"standards: {result.StandardsInserted} inserted, {result.StandardsUpdated} updated.");
        return persian + Environment.NewLine + english;
    }
}
