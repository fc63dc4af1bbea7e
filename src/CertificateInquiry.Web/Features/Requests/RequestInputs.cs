using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>Step 1: who the applicant is and how to reach them.</summary>
public sealed class ApplicantInput
{
    public string? NationalCode { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? FatherName { get; set; }

    /// <summary>Jalali, typed: 1365/04/21 in any digit script.</summary>
    public string? BirthDate { get; set; }

    public string? Gender { get; set; }

    public string? Mobile { get; set; }

    public string? Email { get; set; }

    public string? RequesterKind { get; set; }

    public string? OrganizationName { get; set; }

    public string? OrganizationLetterNumber { get; set; }

    public void Normalize()
    {
        NationalCode = PersianText.NormalizeCode(NationalCode);
        FirstName = PersianText.Normalize(FirstName);
        LastName = PersianText.Normalize(LastName);
        FatherName = PersianText.Normalize(FatherName);
        BirthDate = PersianText.NormalizeCode(BirthDate);
        Mobile = MobileNumber.Normalize(Mobile);
        Email = PersianText.NormalizeDigits(Email).Trim();
        OrganizationName = PersianText.Normalize(OrganizationName);
        OrganizationLetterNumber = PersianText.Normalize(OrganizationLetterNumber);
    }

    public static ApplicantInput From(InquiryRequest request) => new()
    {
        NationalCode = request.NationalCode,
        FirstName = request.FirstName,
        LastName = request.LastName,
        FatherName = request.FatherName,
        BirthDate = request.BirthDate is { } birth ? JalaliDate.Format(birth) : null,
        Gender = request.Gender?.ToString(),
        Mobile = request.Mobile,
        Email = request.Email,
        // A new draft starts with the holder filing (the usual case); an organisation is chosen explicitly.
        RequesterKind = request.RequesterKind.ToString(),
        OrganizationName = request.OrganizationName,
        OrganizationLetterNumber = request.OrganizationLetterNumber,
    };

    /// <summary>Copies the (validated) answers onto the draft. A changed mobile number must be confirmed again.</summary>
    public void ApplyTo(InquiryRequest request)
    {
        request.NationalCode = NationalCode;
        request.FirstName = FirstName;
        request.LastName = LastName;
        request.FatherName = FatherName;
        request.BirthDate = JalaliDate.TryParse(BirthDate, out var birth) ? birth : null;
        request.Gender = Enum.Parse<Gender>(Gender!);
        if (request.Mobile != Mobile)
        {
            request.MobileConfirmedAtUtc = null;
        }

        request.Mobile = Mobile;
        request.Email = string.IsNullOrEmpty(Email) ? null : Email;
        request.RequesterKind = Enum.Parse<RequesterKind>(RequesterKind!);
        var forOrganization = request.RequesterKind == Domain.Requests.RequesterKind.Organization;
        request.OrganizationName = forOrganization ? OrganizationName : null;
        request.OrganizationLetterNumber = forOrganization ? OrganizationLetterNumber : null;
    }
}

/// <summary>Step 3: what the applicant remembers of the certificate.</summary>
public sealed class CertificateClaimInput
{
    /// <summary>A standard's title or code from the list, or the trade in the applicant's own words.</summary>
    public string? Trade { get; set; }

    public string? ExamYear { get; set; }

    public string? ProvinceId { get; set; }

    public string? TrainingCenter { get; set; }

    public string? CertificateNumber { get; set; }

    public void Normalize()
    {
        Trade = PersianText.Normalize(Trade);
        ExamYear = PersianText.NormalizeCode(ExamYear);
        ProvinceId = PersianText.NormalizeCode(ProvinceId);
        TrainingCenter = PersianText.Normalize(TrainingCenter);
        CertificateNumber = PersianText.NormalizeCode(CertificateNumber);
    }
}

/// <summary>Iranian mobile numbers: 09 and nine digits; +98 / 0098 / 98 prefixes and any digit script accepted.</summary>
public static class MobileNumber
{
    public static string Normalize(string? input)
    {
        var digits = PersianText.NormalizeCode(input).Replace("-", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
        if (digits.StartsWith("+98", StringComparison.Ordinal))
        {
            return "0" + digits[3..];
        }

        if (digits.StartsWith("0098", StringComparison.Ordinal))
        {
            return "0" + digits[4..];
        }

        if (digits.Length == 12 && digits.StartsWith("98", StringComparison.Ordinal))
        {
            return "0" + digits[2..];
        }

        if (digits.Length == 10 && digits.StartsWith('9'))
        {
            return "0" + digits;
        }

        return digits;
    }

    public static bool IsValid(string? mobile) =>
        mobile is { Length: DataLimits.Mobile } && mobile.StartsWith("09", StringComparison.Ordinal) && mobile.All(char.IsAsciiDigit);
}

/// <summary>
/// A radio choice as the form sends it: exactly one of the enum's names. Not <c>Enum.TryParse</c>, which also takes
/// "1", "5" or "Holder, Organization" and so would let a post pick the organisation without the rules that go with it.
/// </summary>
internal static class Choice
{
    public static bool Is<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal);
}

internal static class NameRules
{
    /// <summary>The portal's one rule for names (see <see cref="PersonName"/>), shared with the certificate import.</summary>
    public static bool IsPersianName(string? name) => PersonName.IsValid(name);

    public static IRuleBuilderOptions<T, string?> PersianName<T>(this IRuleBuilderInitial<T, string?> rule, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"{what} را وارد کنید.")
            .MaximumLength(DataLimits.Name).WithMessage($"{what} حداکثر {PersianText.ToPersianDigits(DataLimits.Name)} حرف است.")
            .Must(IsPersianName).WithMessage(what + PersonName.RefusalSuffix);
}

public sealed class ApplicantInputValidator : AbstractValidator<ApplicantInput>
{
    public ApplicantInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(LookupRules.NationalCodeRequired)
            .ValidNationalCode();
        RuleFor(i => i.FirstName).PersianName("نام");
        RuleFor(i => i.LastName).PersianName("نام خانوادگی");
        RuleFor(i => i.FatherName).PersianName("نام پدر");
        RuleFor(i => i.BirthDate).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("تاریخ تولد را وارد کنید.")
            .Must(text => JalaliDate.TryParse(text, out _)).WithMessage("تاریخ تولد را به‌صورت سال/ماه/روز شمسی بنویسید، مثلاً ۱۳۶۵/۰۴/۲۱.")
            .Must(text => JalaliDate.TryParse(text, out var birth) && IsPlausibleBirthDate(birth, IranTime.Today(clock)))
            .WithMessage("تاریخ تولد باید دست‌کم ۱۴ سال پیش از امروز و پس از سال ۱۳۰۰ باشد.");
        RuleFor(i => i.Gender).Must(Choice.Is<Gender>).WithMessage("جنسیت را انتخاب کنید.");
        RuleFor(i => i.Mobile).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("شماره تلفن همراه را وارد کنید.")
            .Must(MobileNumber.IsValid).WithMessage("شماره تلفن همراه با ۰۹ شروع می‌شود و ۱۱ رقم دارد، مثلاً ۰۹۱۲۳۴۵۶۷۸۹.");
        RuleFor(i => i.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(DataLimits.Email).WithMessage("نشانی ایمیل بیش از اندازه بلند است.")
            .EmailAddress().WithMessage("نشانی ایمیل درست نیست؛ مثلاً name@example.com.")
            .When(i => !string.IsNullOrEmpty(i.Email));
        RuleFor(i => i.RequesterKind).Must(Choice.Is<RequesterKind>).WithMessage("مشخص کنید درخواست را چه کسی ثبت می‌کند.");
        When(i => i.RequesterKind == nameof(Domain.Requests.RequesterKind.Organization), () =>
        {
            RuleFor(i => i.OrganizationName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("نام سازمان درخواست‌کننده را وارد کنید.")
                .MaximumLength(DataLimits.Title).WithMessage("نام سازمان بیش از اندازه بلند است.");
            RuleFor(i => i.OrganizationLetterNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("شماره نامه سازمان را وارد کنید.")
                .MaximumLength(DataLimits.Name).WithMessage("شماره نامه بیش از اندازه بلند است.");
        });
    }

    private static bool IsPlausibleBirthDate(DateOnly birth, DateOnly today) =>
        JalaliDate.YearOf(birth) >= 1300 && birth <= today.AddYears(-14);
}

public sealed class CertificateClaimInputValidator : AbstractValidator<CertificateClaimInput>
{
    public const int EarliestExamYear = 1340;

    public CertificateClaimInputValidator()
    {
        RuleFor(i => i.Trade).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("رشته یا استاندارد آموزشی را وارد کنید.")
            .MaximumLength(DataLimits.Title).WithMessage("عنوان رشته بیش از اندازه بلند است.");
        RuleFor(i => i.ExamYear).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("سال آزمون را وارد کنید.")
            .Must(text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year >= EarliestExamYear && year < 10000)
            .WithMessage("سال آزمون را به‌صورت چهار رقم شمسی بنویسید، مثلاً ۱۳۸۵.")
            .Must(text => int.Parse(text!, System.Globalization.CultureInfo.InvariantCulture) < InquiryRequest.FirstElectronicYear)
            .WithMessage("این درخواست برای گواهینامه‌های پیش از سال ۱۳۹۲ است؛ گواهینامه‌های ۱۳۹۲ به بعد را در استعلام برخط جستجو کنید.");
        RuleFor(i => i.ProvinceId)
            .Must(text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= Province.AllNames.Count)
            .WithMessage("استانی را که گواهینامه را صادر کرده است انتخاب کنید.");
        RuleFor(i => i.TrainingCenter).MaximumLength(DataLimits.Title).WithMessage("نام مرکز آموزش بیش از اندازه بلند است.");
        RuleFor(i => i.CertificateNumber).WellFormedNumber("شماره گواهینامه").When(i => !string.IsNullOrEmpty(i.CertificateNumber));
    }
}
