using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>The «register a letter» form: the agency, its letter's number, date and purpose, and the list.</summary>
public sealed class RegisterLetterInput
{
    /// <summary>A registered agency client's id, from the list; empty when the agency is typed in <see cref="AgencyName"/>.</summary>
    public string? AgencyClientId { get; set; }

    public string? AgencyName { get; set; }

    public string? AgencyLetterNumber { get; set; }

    /// <summary>Jalali, <c>1405/03/12</c>, in any digit script.</summary>
    public string? AgencyLetterDate { get; set; }

    /// <summary>A purpose's wire name (<see cref="InquiryContextRules.Purposes"/>).</summary>
    public string? Purpose { get; set; }

    /// <summary>For a national admin only: the province that answers the letter.</summary>
    public string? ProvinceId { get; set; }

    /// <summary>The list, typed or pasted (<see cref="TypedRowList"/>).</summary>
    public string? Rows { get; set; }

    /// <summary>Or the list as a file in the agencies' batch template (CSV or XLSX), read by the shared batch reader.</summary>
    public IFormFile? File { get; set; }

    public bool HasFile => File is { Length: > 0 };

    /// <summary>Set when the expert confirmed that rows that cannot be read are answered as such.</summary>
    public bool AcceptInvalidRows { get; set; }

    public int? ParsedAgencyClientId =>
        int.TryParse(PersianText.NormalizeCode(AgencyClientId), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public string NormalizedAgencyName => PersianText.Normalize(AgencyName);

    public string NormalizedLetterNumber => PersianText.NormalizeDigits(PersianText.Normalize(AgencyLetterNumber));

    public DateOnly? ParsedLetterDate => JalaliDate.TryParse(AgencyLetterDate, out var date) ? date : null;

    public InquiryPurpose? ParsedPurpose =>
        InquiryContextRules.Purposes.TryGetValue(PersianText.NormalizeCode(Purpose).ToLowerInvariant(), out var purpose) ? purpose : null;

    public int? ParsedProvinceId =>
        int.TryParse(PersianText.NormalizeCode(ProvinceId), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}

public sealed class RegisterLetterInputValidator : AbstractValidator<RegisterLetterInput>
{
    public const string AgencyRequired = "سازمان فرستنده نامه را از فهرست برگزینید یا نام آن را بنویسید.";
    public const string LetterNumberRequired = "شماره نامه سازمان را وارد کنید.";
    public const string LetterDateFormat = "تاریخ نامه را به‌صورت سال/ماه/روز شمسی بنویسید؛ مثلاً ۱۴۰۵/۰۳/۱۲.";
    public const string LetterDateFuture = "تاریخ نامه نمی‌تواند در آینده باشد.";
    public const string PurposeRequired = "هدف استعلام را برگزینید.";
    public const string RowsRequired = "فهرست نامه را وارد کنید (هر ردیف در یک سطر) یا فایل آن را بارگذاری کنید.";
    public const string RowsTwice = "فهرست را یا بنویسید یا فایل آن را بارگذاری کنید، نه هر دو.";

    public RegisterLetterInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.AgencyName).Must((input, _) => input.ParsedAgencyClientId is not null || input.NormalizedAgencyName.Length > 0).WithMessage(AgencyRequired);
        RuleFor(i => i.AgencyName).Must((input, _) => input.NormalizedAgencyName.Length <= DataLimits.Title)
            .WithMessage("نام سازمان حداکثر " + PersianText.ToPersianDigits(DataLimits.Title) + " نویسه است.");
        RuleFor(i => i.AgencyName).Must((input, _) => !HasControl(input.NormalizedAgencyName)).WithMessage("نام سازمان نویسه نامجاز دارد.");
        RuleFor(i => i.AgencyLetterNumber).Cascade(CascadeMode.Stop)
            .Must((input, _) => input.NormalizedLetterNumber.Length > 0).WithMessage(LetterNumberRequired)
            .Must((input, _) => input.NormalizedLetterNumber.Length <= DataLimits.AgencyReference)
            .WithMessage("شماره نامه حداکثر " + PersianText.ToPersianDigits(DataLimits.AgencyReference) + " نویسه است.")
            .Must((input, _) => !HasControl(input.NormalizedLetterNumber)).WithMessage("شماره نامه نویسه نامجاز دارد.");
        RuleFor(i => i.AgencyLetterDate).Cascade(CascadeMode.Stop)
            .Must((input, _) => input.ParsedLetterDate is not null).WithMessage(LetterDateFormat)
            .Must((input, _) => input.ParsedLetterDate <= IranTime.Today(clock)).WithMessage(LetterDateFuture);
        RuleFor(i => i.Purpose).Must((input, _) => input.ParsedPurpose is not null).WithMessage(PurposeRequired);
        RuleFor(i => i.Rows).Must((input, rows) => input.HasFile || !string.IsNullOrWhiteSpace(rows)).WithMessage(RowsRequired);
        RuleFor(i => i.Rows).Must((input, rows) => !input.HasFile || string.IsNullOrWhiteSpace(rows)).WithMessage(RowsTwice);
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) || char.IsSurrogate(c));
}
