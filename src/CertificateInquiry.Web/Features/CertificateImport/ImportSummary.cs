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
        if (result.NameConflicts.Count > 0)
        {
            persian += $" {P(result.NameConflicts.Count)} ردیف دارنده‌ای را با نام دیگری آورده است؛ نام ثبت‌شده نگه داشته شد (فهرست در ادامه).";
        }

        var english = string.Create(CultureInfo.InvariantCulture,
            $"Import done: {result.Rows} rows — {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged; "
            + $"people: {result.PeopleInserted} inserted, {result.PeopleUpdated} updated; "
            + $"standards: {result.StandardsInserted} inserted, {result.StandardsUpdated} updated.");
        if (result.NameConflicts.Count > 0)
        {
            english += string.Create(CultureInfo.InvariantCulture,
                $" {result.NameConflicts.Count} rows name an existing holder differently (stored names kept, listed below).");
        }

        return string.Join(Environment.NewLine, new[] { persian, english }.Concat(result.NameConflicts.Select(Conflict)));
    }

    /// <summary>One row that names an existing holder differently, in Persian and English.</summary>
    public static string Conflict(ImportNameConflict conflict) =>
        $"سطر {PersianText.ToPersianDigits(conflict.Line)}: دارنده {HolderIdentifier.Label(conflict.NationalCode)} {conflict.NationalCode} در سامانه «{conflict.StoredName}» است و در فایل "
        + $"«{conflict.NameInFile}»؛ نام ثبت‌شده نگه داشته شد. | "
        + string.Create(CultureInfo.InvariantCulture, $"line {conflict.Line}: the holder of national code {conflict.NationalCode} is stored under another name; the stored name was kept.");
}
