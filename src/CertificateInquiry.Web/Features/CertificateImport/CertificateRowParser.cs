using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// Turns one CSV record into a normalized <see cref="CertificateImportRow"/>, or into every error it has.
/// Hand-written rather than a FluentValidation validator: it runs a million times per import and reports
/// by CSV column in two languages.
/// </summary>
/// <remarks>
/// A file may add <see cref="ForeignColumns"/> after the <see cref="Header"/>'s columns, for foreign nationals
/// (ADR-033): a row then fills exactly one of <c>national_code</c> (an Iranian's 10-digit code) and
/// <c>foreign_national_id</c> (a foreign national's 12-digit unique identifier), and gives the <c>nationality</c> (ISO
/// 3166-1 alpha-2) with the latter. A file without them reads as before.
/// </remarks>
internal sealed class CertificateRowParser(IReadOnlyDictionary<string, int> provinceIdsByName, DateOnly today)
{
    public static readonly string[] Header =
    [
        "certificate_number", "kind", "national_code", "first_name", "last_name", "father_name", "birth_date",
        "gender", "standard_code", "standard_title", "standard_hours", "exam_date", "issue_date", "expiry_date",
        "province", "training_center", "status", "program",
    ];

    /// <summary>The optional columns for foreign nationals, after the <see cref="Header"/>'s, in this order.</summary>
    public static readonly string[] ForeignColumns = ["foreign_national_id", "nationality"];

    /// <summary>The header of a file with the foreign nationals' columns.</summary>
    public static readonly string[] HeaderWithForeignColumns = [.. Header, .. ForeignColumns];

    private const int MaxHours = 10_000;

    /// <summary>Whether the file has the <see cref="ForeignColumns"/> (set from its header, before the first row).</summary>
    public bool HasForeignColumns { get; set; }

    /// <summary>How many fields every row of this file has.</summary>
    public int ColumnCount => HasForeignColumns ? HeaderWithForeignColumns.Length : Header.Length;

    /// <summary>The layout a header names (trimmed names, in order), or null when it is neither.</summary>
    public static bool? ForeignColumnsIn(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim()).ToList();
        return names.SequenceEqual(Header, StringComparer.Ordinal) ? false
            : names.SequenceEqual(HeaderWithForeignColumns, StringComparer.Ordinal) ? true
            : null;
    }

    public CertificateImportRow? Parse(int line, IReadOnlyList<string> fields, List<ImportError> errors)
    {
        if (fields.Count != ColumnCount)
        {
            errors.Add(new ImportError(
                line,
                null,
                $"این سطر {PersianText.ToPersianDigits(fields.Count)} ستون دارد؛ باید {PersianText.ToPersianDigits(ColumnCount)} ستون داشته باشد.",
                string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Count} fields; {ColumnCount} are expected.")));
            return null;
        }

        var errorsBefore = errors.Count;
        var context = new RowContext(line, errors);

        var number = PersianText.NormalizeCode(fields[0]);
        if (context.Required(number, "certificate_number", "شماره گواهینامه", "certificate number")
            && (number.Length > DataLimits.CertificateNumber || !IsCode(number, allowDot: false)))
        {
            context.Add("certificate_number",
                $"شماره گواهینامه فقط می‌تواند رقم، حروف لاتین، «-» و «/» باشد و حداکثر {PersianText.ToPersianDigits(DataLimits.CertificateNumber)} نویسه.",
                $"the certificate number may hold only digits, Latin letters, '-' and '/', at most {DataLimits.CertificateNumber} characters.");
        }

        var kind = context.Choice(fields[1], "kind", "نوع", KindsByName, "certificate, license");

        var (nationalCode, nationality) = HasForeignColumns
            ? Holder(context, fields[2], fields[Header.Length], fields[Header.Length + 1])
            : (IranianCode(context, PersianText.NormalizeCode(fields[2]), required: true), null);

        var firstName = context.Name(fields[3], "first_name", "نام", "first name");
        var lastName = context.Name(fields[4], "last_name", "نام خانوادگی", "last name");
        var fatherName = context.Name(fields[5], "father_name", "نام پدر", "father's name");
        var birthDate = context.Date(fields[6], "birth_date", "تاریخ تولد", "birth date");
        var gender = context.Choice(fields[7], "gender", "جنسیت", GendersByName, "male, female");

        var standardCode = PersianText.NormalizeCode(fields[8]);
        if (context.Required(standardCode, "standard_code", "کد استاندارد", "standard code")
            && (standardCode.Length > DataLimits.StandardCode || !IsCode(standardCode, allowDot: true)))
        {
            context.Add("standard_code",
                $"کد استاندارد فقط می‌تواند رقم، حروف لاتین، «-»، «/» و «.» باشد و حداکثر {PersianText.ToPersianDigits(DataLimits.StandardCode)} نویسه.",
                $"the standard code may hold only digits, Latin letters, '-', '/' and '.', at most {DataLimits.StandardCode} characters.");
        }

        var standardTitle = context.Text(fields[9], "standard_title", "عنوان استاندارد", "standard title", DataLimits.Title);
        var hoursText = PersianText.NormalizeCode(fields[10]);
        var hours = 0;
        if (context.Required(hoursText, "standard_hours", "ساعت آموزش", "standard hours")
            && (!int.TryParse(hoursText, NumberStyles.None, CultureInfo.InvariantCulture, out hours) || hours is < 1 or > MaxHours))
        {
            context.Add("standard_hours",
                $"ساعت آموزش باید عددی صحیح از ۱ تا {PersianText.ToPersianDigits(MaxHours)} باشد.",
                $"standard hours must be a whole number from 1 to {MaxHours}.");
        }

        var examDate = context.Date(fields[11], "exam_date", "تاریخ آزمون", "exam date");
        var issueDate = context.Date(fields[12], "issue_date", "تاریخ صدور", "issue date");
        DateOnly? expiryDate = null;
        if (!string.IsNullOrWhiteSpace(fields[13]))
        {
            expiryDate = context.Date(fields[13], "expiry_date", "تاریخ انقضا", "expiry date");
        }

        var provinceName = PersianText.Normalize(fields[14]);
        if (provinceName.StartsWith("استان ", StringComparison.Ordinal))
        {
            provinceName = provinceName["استان ".Length..];
        }

        var provinceId = 0;
        if (context.Required(provinceName, "province", "استان", "province") && !provinceIdsByName.TryGetValue(provinceName, out provinceId))
        {
            context.Add("province", "استان شناخته نشد؛ نام یکی از ۳۱ استان را به فارسی بنویسید.",
                "unknown province; write the Persian name of one of the 31 provinces.");
        }

        var trainingCenter = context.Text(fields[15], "training_center", "مرکز آموزش", "training centre", DataLimits.Title);
        var status = context.Choice(fields[16], "status", "وضعیت", StatusesByName, "valid, revoked");
        var program = context.Choice(fields[17], "program", "برنامه آموزشی", ProgramsByName, "tvto, education, judiciary, partner");

        // The order of the dates is checked with whichever dates could be read, so that a row lists every error it has.
        CheckDateOrder(context, birthDate, examDate, issueDate, expiryDate, hasExpiry: !string.IsNullOrWhiteSpace(fields[13]), kind);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        // Every field was read (no error was added), so every value is there.
        return new CertificateImportRow(
            line, number, kind.GetValueOrDefault(), nationalCode, firstName, lastName, fatherName, birthDate.GetValueOrDefault(),
            gender.GetValueOrDefault(), standardCode, standardTitle, hours, examDate.GetValueOrDefault(), issueDate.GetValueOrDefault(),
            expiryDate, provinceId, trainingCenter, status.GetValueOrDefault(), program.GetValueOrDefault(), nationality);
    }

    private static string IranianCode(RowContext context, string nationalCode, bool required)
    {
        if ((!required || context.Required(nationalCode, "national_code", "کد ملی", "national code")) && !NationalCode.IsValid(nationalCode))
        {
            context.Add("national_code",
                "کد ملی معتبر نیست (باید ده رقم با رقم کنترل درست باشد)."
                    + (HolderIdentifier.IsForeign(nationalCode) ? " کد یکتای دوازده‌رقمی اتباع را در ستون foreign_national_id بنویسید." : ""),
                "the national code is not valid (ten digits with a correct check digit)."
                    + (HolderIdentifier.IsForeign(nationalCode) ? " Put a foreign national's 12-digit identifier in foreign_national_id." : ""));
        }

        return nationalCode;
    }

    /// <summary>The holder of a row in a file with the foreign nationals' columns: exactly one identifier, a nationality with the foreign one.</summary>
    private static (string Identifier, string? Nationality) Holder(RowContext context, string rawNationalCode, string rawForeignId, string rawNationality)
    {
        var nationalCode = PersianText.NormalizeCode(rawNationalCode);
        var foreignId = PersianText.NormalizeCode(rawForeignId);
        var nationalityText = PersianText.NormalizeCode(rawNationality).ToUpperInvariant();
        if (nationalCode.Length > 0 && foreignId.Length > 0)
        {
            context.Add("foreign_national_id",
                "هر ردیف فقط یکی از کد ملی (national_code) یا کد یکتای اتباع (foreign_national_id) را دارد؛ این ردیف هر دو را دارد.",
                "a row gives exactly one of national_code and foreign_national_id; this one gives both.");
            return (nationalCode, null);
        }

        if (nationalCode.Length == 0 && foreignId.Length == 0)
        {
            context.Add("national_code",
                "کد ملی یا کد یکتای اتباع خالی است؛ برای ایرانیان national_code و برای اتباع خارجی foreign_national_id را پر کنید.",
                "both national_code and foreign_national_id are empty; fill one (foreign_national_id for a foreign national).");
            return (nationalCode, null);
        }

        if (nationalCode.Length > 0)
        {
            if (nationalityText.Length > 0 && nationalityText != Countries.Iran)
            {
                context.Add("nationality", "ملیت فقط با کد یکتای اتباع نوشته می‌شود؛ برای دارنده کد ملی این ستون را خالی بگذارید.",
                    "nationality goes with foreign_national_id only; leave it empty for a national code.");
            }

            return (IranianCode(context, nationalCode, required: false), null);
        }

        if (!HolderIdentifier.IsValidForeignId(foreignId))
        {
            context.Add("foreign_national_id", "کد یکتای اتباع معتبر نیست (باید دوازده رقم باشد و همه رقم‌ها یکسان نباشد).",
                "the foreign national's identifier is not valid (twelve digits, not all the same).");
        }

        if (nationalityText.Length == 0)
        {
            context.Add("nationality", "ملیت خالی است؛ برای کد یکتای اتباع، کد دوحرفی کشور را بنویسید (مانند AF برای افغانستان).",
                "the nationality is empty; a foreign national's identifier needs the ISO 3166-1 alpha-2 code of the country (e.g. AF).");
            return (foreignId, null);
        }

        var nationality = Countries.Normalize(nationalityText);
        if (nationality is null)
        {
            context.Add("nationality",
                "ملیت شناخته نشد؛ کد دوحرفی ISO 3166-1 کشوری غیر از ایران را بنویسید (مانند AF برای افغانستان، IQ برای عراق، PK برای پاکستان).",
                "unknown nationality; write the ISO 3166-1 alpha-2 code of a country other than Iran (e.g. AF, IQ, PK).");
        }

        return (foreignId, nationality);
    }

    private void CheckDateOrder(
        RowContext context, DateOnly? birth, DateOnly? exam, DateOnly? issue, DateOnly? expiry, bool hasExpiry, CertificateKind? kind)
    {
        if (birth is { } born && exam is { } examined && born >= examined)
        {
            context.Add("exam_date", "تاریخ آزمون باید بعد از تاریخ تولد باشد.", "the exam date must be after the birth date.");
        }

        if (issue is { } issued && exam is { } examDay && issued < examDay)
        {
            context.Add("issue_date", "تاریخ صدور نمی‌تواند پیش از تاریخ آزمون باشد.", "the issue date cannot be before the exam date.");
        }

        if (issue > today)
        {
            context.Add("issue_date", "تاریخ صدور نمی‌تواند در آینده باشد.", "the issue date cannot be in the future.");
        }

        if (kind == CertificateKind.License && !hasExpiry)
        {
            context.Add("expiry_date", "پروانه مهارت باید تاریخ انقضا داشته باشد.", "a license needs an expiry date.");
        }
        else if (kind == CertificateKind.Certificate && hasExpiry)
        {
            context.Add("expiry_date", "گواهینامه مهارت تاریخ انقضا ندارد؛ این ستون را خالی بگذارید.",
                "a certificate does not expire; leave this column empty.");
        }
        else if (expiry is { } end && issue is { } start && end <= start)
        {
            context.Add("expiry_date", "تاریخ انقضا باید بعد از تاریخ صدور باشد.", "the expiry date must be after the issue date.");
        }
    }

    /// <summary>
    /// The row's certificate number, normalized, when it is well formed (null otherwise): a row with other errors is
    /// still checked against the numbers seen earlier in the file, so that it lists every error it has.
    /// </summary>
    public string? NumberOf(IReadOnlyList<string> fields)
    {
        if (fields.Count != ColumnCount)
        {
            return null;
        }

        var number = PersianText.NormalizeCode(fields[0]);
        return number.Length is > 0 and <= DataLimits.CertificateNumber && IsCode(number, allowDot: false) ? number : null;
    }

    private static bool IsCode(string value, bool allowDot)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '-' or '/' || (allowDot && c == '.')))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Dictionary<string, CertificateKind> KindsByName = new(StringComparer.Ordinal)
    {
        ["certificate"] = CertificateKind.Certificate,
        ["license"] = CertificateKind.License,
    };

    private static readonly Dictionary<string, Gender> GendersByName = new(StringComparer.Ordinal)
    {
        ["male"] = Gender.Male,
        ["female"] = Gender.Female,
    };

    private static readonly Dictionary<string, CertificateStatus> StatusesByName = new(StringComparer.Ordinal)
    {
        ["valid"] = CertificateStatus.Valid,
        ["revoked"] = CertificateStatus.Revoked,
    };

    private static readonly Dictionary<string, TrainingProgram> ProgramsByName = new(StringComparer.Ordinal)
    {
        ["tvto"] = TrainingProgram.Tvto,
        ["education"] = TrainingProgram.Education,
        ["judiciary"] = TrainingProgram.Judiciary,
        ["partner"] = TrainingProgram.Partner,
    };

    private readonly struct RowContext(int line, List<ImportError> errors)
    {
        public void Add(string column, string persian, string english) =>
            errors.Add(new ImportError(line, column, persian, english));

        public bool Required(string value, string column, string persianName, string englishName)
        {
            if (value.Length > 0)
            {
                return true;
            }

            Add(column, $"{persianName} خالی است.", $"the {englishName} is empty.");
            return false;
        }

        public string Text(string raw, string column, string persianName, string englishName, int maxLength)
        {
            var value = PersianText.Normalize(raw);
            if (Required(value, column, persianName, englishName) && value.Length > maxLength)
            {
                Add(column, $"{persianName} بیش از {PersianText.ToPersianDigits(maxLength)} نویسه است.",
                    string.Create(CultureInfo.InvariantCulture, $"the {englishName} is longer than {maxLength} characters."));
            }

            return value;
        }

        public string Name(string raw, string column, string persianName, string englishName)
        {
            var value = Text(raw, column, persianName, englishName, DataLimits.Name);
            if (value.Length is > 0 and <= DataLimits.Name && !PersonName.IsValid(value))
            {
                Add(column, persianName + PersonName.RefusalSuffix,
                    $"the {englishName} must be Persian letters (no digits, Latin letters, markup or formula characters such as < or =).");
            }

            return value;
        }

        public DateOnly? Date(string raw, string column, string persianName, string englishName)
        {
            var text = PersianText.NormalizeCode(raw);
            if (!Required(text, column, persianName, englishName))
            {
                return null;
            }

            if (JalaliDate.TryParse(text, out var date))
            {
                return date;
            }

            Add(column, $"{persianName} تاریخ شمسی درستی نیست (مانند ۱۴۰۲/۰۵/۰۱).",
                $"the {englishName} is not a valid Jalali date (like 1402/05/01).");
            return null;
        }

        public T? Choice<T>(string raw, string column, string persianName, Dictionary<string, T> choices, string allowed)
            where T : struct
        {
            var key = PersianText.NormalizeCode(raw).ToLowerInvariant();
            if (choices.TryGetValue(key, out var value))
            {
                return value;
            }

            Add(column, $"{persianName} باید یکی از این‌ها باشد: {allowed}.", $"must be one of: {allowed}.");
            return null;
        }
    }
}
