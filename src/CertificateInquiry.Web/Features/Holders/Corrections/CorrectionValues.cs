using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Holders.Corrections;

/// <summary>
/// The values of the fields a correction may change, in one place for the holder's form and the back-office: the
/// field's Persian title, its current value on a certificate, the rules a new value must pass, how a value is shown and
/// how it is written. Values travel as text in one invariant form: names normalized, dates ISO (<c>yyyy-MM-dd</c>), a
/// standard by its id.
/// </summary>
public static class CorrectionValues
{
    public const string SameAsNow = "مقدار تازه با آنچه اکنون در گواهینامه ثبت است یکی است؛ اگر خطایی هست، مقدار درست را بنویسید.";
    public const string FutureDate = "تاریخ نمی‌تواند در آینده باشد.";
    public const string StandardRequired = "استاندارد آموزشی درست را از فهرست انتخاب کنید.";
    public const string EarliestDate = "1300/01/01";

    public static IReadOnlyList<CorrectionField> Fields { get; } = Enum.GetValues<CorrectionField>();

    /// <summary>The field's Persian name.</summary>
    public static string Title(CorrectionField field) => field switch
    {
        CorrectionField.FirstName => "نام",
        CorrectionField.LastName => "نام خانوادگی",
        CorrectionField.FatherName => "نام پدر",
        CorrectionField.ExamDate => "تاریخ آزمون",
        CorrectionField.IssueDate => "تاریخ صدور",
        CorrectionField.Standard => "استاندارد آموزشی (حرفه)",
        _ => field.ToString(),
    };

    public static bool IsName(CorrectionField field) => field is CorrectionField.FirstName or CorrectionField.LastName or CorrectionField.FatherName;

    public static bool IsDate(CorrectionField field) => field is CorrectionField.ExamDate or CorrectionField.IssueDate;

    /// <summary>A field named in a URL or a form, or null (any other text, numbers included).</summary>
    public static CorrectionField? Parse(string? name) =>
        Fields.Cast<CorrectionField?>().FirstOrDefault(field => string.Equals(field.ToString(), name, StringComparison.Ordinal));

    /// <summary>The field's value on <paramref name="certificate"/> (loaded with its person).</summary>
    public static string Current(CorrectionField field, Certificate certificate)
    {
        var person = certificate.Person ?? throw new InvalidOperationException("The certificate's person is not loaded.");
        return field switch
        {
            CorrectionField.FirstName => person.FirstName,
            CorrectionField.LastName => person.LastName,
            CorrectionField.FatherName => person.FatherName,
            CorrectionField.ExamDate => Iso(certificate.ExamDate),
            CorrectionField.IssueDate => Iso(certificate.IssueDate),
            CorrectionField.Standard => certificate.StandardId.ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary>A stored value as a person reads it: a Jalali date in Persian digits, a standard's title, a name as it is.</summary>
    public static string Display(CorrectionField field, string? value, IReadOnlyDictionary<int, string> standardTitles)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        if (IsDate(field) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return JalaliDate.FormatPersian(date);
        }

        if (field == CorrectionField.Standard && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return standardTitles.TryGetValue(id, out var title) ? title : PersianText.ToPersianDigits(value);
        }

        return value;
    }

    /// <summary>A stored value as it goes back into a form: a date as a Jalali date in ASCII digits, anything else as it is.</summary>
    public static string? ForForm(CorrectionField field, string? value) =>
        IsDate(field) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? JalaliDate.Format(date)
            : value;

    /// <summary>
    /// Reads what someone typed as a new value of <paramref name="field"/> for <paramref name="certificate"/> (with its
    /// person): the stored form, or a Persian refusal. A date is a real Jalali date, not in the future, and keeps the
    /// exam no later than the issue (and a license's expiry after it); a standard is one of <paramref name="standardIds"/>;
    /// the value must differ from the current one.
    /// </summary>
    public static (string? Value, string? Refusal) Read(
        CorrectionField field, string? typed, Certificate certificate, DateOnly today, IReadOnlySet<int> standardIds)
    {
        string value;
        if (IsName(field))
        {
            if (HasControlCharacters(typed))
            {
                return (null, Title(field) + " نویسه‌های نامعتبر دارد.");
            }

            value = PersianText.Normalize(typed);
            if (value.Length == 0)
            {
                return (null, Title(field) + " درست را بنویسید.");
            }

            if (value.Length > DataLimits.Name)
            {
                return (null, Title(field) + " حداکثر " + PersianText.ToPersianDigits(DataLimits.Name) + " حرف است.");
            }

            if (!PersonName.IsValid(value))
            {
                return (null, Title(field) + PersonName.RefusalSuffix);
            }
        }
        else if (IsDate(field))
        {
            if (string.IsNullOrWhiteSpace(typed))
            {
                return (null, Title(field) + " درست را وارد کنید.");
            }

            if (typed.Length > 32 || !JalaliDate.TryParse(typed, out var date) || date < JalaliDate.Create(1300, 1, 1))
            {
                return (null, Title(field) + " را به شکل سال/ماه/روز شمسی وارد کنید، مثلاً ۱۳۸۶/۰۴/۲۰.");
            }

            if (date > today)
            {
                return (null, FutureDate);
            }

            var exam = field == CorrectionField.ExamDate ? date : certificate.ExamDate;
            var issue = field == CorrectionField.IssueDate ? date : certificate.IssueDate;
            if (exam > issue)
            {
                return (null, field == CorrectionField.ExamDate
                    ? "تاریخ آزمون نمی‌تواند پس از تاریخ صدور (" + JalaliDate.FormatPersian(issue) + ") باشد."
                    : "تاریخ صدور نمی‌تواند پیش از تاریخ آزمون (" + JalaliDate.FormatPersian(exam) + ") باشد.");
            }

            if (field == CorrectionField.IssueDate && certificate.ExpiryDate is { } expiry && expiry <= date)
            {
                return (null, "تاریخ صدور باید پیش از پایان اعتبار پروانه (" + JalaliDate.FormatPersian(expiry) + ") باشد.");
            }

            value = Iso(date);
        }
        else
        {
            var text = PersianText.NormalizeCode(typed);
            if (text.Length > 9 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !standardIds.Contains(id))
            {
                return (null, StandardRequired);
            }

            value = id.ToString(CultureInfo.InvariantCulture);
        }

        return value == Current(field, certificate) ? (null, SameAsNow) : (value, null);
    }

    /// <summary>Writes <paramref name="value"/> (already read by <see cref="Read"/>) into the record; a name into the holder's, shared by all their certificates.</summary>
    public static void Apply(CorrectionField field, string value, Certificate certificate, DateTime atUtc)
    {
        var person = certificate.Person ?? throw new InvalidOperationException("The certificate's person is not loaded.");
        switch (field)
        {
            case CorrectionField.FirstName:
                person.FirstName = value;
                break;
            case CorrectionField.LastName:
                person.LastName = value;
                break;
            case CorrectionField.FatherName:
                person.FatherName = value;
                break;
            case CorrectionField.ExamDate:
                certificate.ExamDate = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case CorrectionField.IssueDate:
                certificate.IssueDate = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case CorrectionField.Standard:
                certificate.StandardId = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                certificate.Standard = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field));
        }

        if (IsName(field))
        {
            person.UpdatedAtUtc = atUtc;
        }

        certificate.UpdatedAtUtc = atUtc;
    }

    /// <summary>NUL and the other control characters (a line break aside) are refused, not silently dropped: nobody types them.</summary>
    public static bool HasControlCharacters(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
