namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>Which identifier a holder or applicant is known by.</summary>
public enum HolderIdentifierKind
{
    /// <summary>Neither: wrong length, not digits, or empty.</summary>
    None,

    /// <summary>The Iranian national code (کد ملی): 10 digits with a check digit (<see cref="NationalCode"/>).</summary>
    NationalCode,

    /// <summary>
    /// A foreign national's unique identifier (کد یکتا, also کد فراگیر اتباع or شناسه تبعه), issued by the Ministry of
    /// the Interior: 12 digits with no public checksum.
    /// </summary>
    ForeignNationalId,
}

/// <summary>
/// The one rule for the identifier every form, file and API field called <c>NationalCode</c> takes: ten digits are an
/// Iranian national code, twelve a foreign national's unique identifier (ADR-033). Both share the stored column, so every
/// lookup by national code finds either. Works on already normalized text (ASCII digits; see
/// <see cref="PersianText.NormalizeCode"/>).
/// </summary>
public static class HolderIdentifier
{
    /// <summary>The length of a foreign national's unique identifier.</summary>
    public const int ForeignLength = 12;

    /// <summary>The longest identifier of either kind: the stored column's length.</summary>
    public const int MaxLength = ForeignLength;

    public const string NationalCodeLabel = "کد ملی";
    public const string ForeignIdLabel = "کد یکتای اتباع";

    /// <summary>What a field that takes either is called.</summary>
    public const string EitherLabel = "کد ملی یا کد یکتای اتباع";

    /// <summary>The kind its length says, whether or not it is valid: 10 digits national, 12 foreign, otherwise none.</summary>
    public static HolderIdentifierKind Kind(string? code) => code switch
    {
        { Length: NationalCode.Length } when IsDigits(code) => HolderIdentifierKind.NationalCode,
        { Length: ForeignLength } when IsDigits(code) => HolderIdentifierKind.ForeignNationalId,
        _ => HolderIdentifierKind.None,
    };

    /// <summary>A checksum-valid national code, or twelve digits that are not all the same.</summary>
    public static bool IsValid(string? code) => Kind(code) switch
    {
        HolderIdentifierKind.NationalCode => NationalCode.IsValid(code),
        HolderIdentifierKind.ForeignNationalId => IsValidForeignId(code),
        _ => false,
    };

    /// <summary>Twelve ASCII digits, not all equal (the identifier has no public checksum: nothing more can be checked).</summary>
    public static bool IsValidForeignId(string? code) =>
        code is { Length: ForeignLength } && IsDigits(code) && code.AsSpan().IndexOfAnyExcept(code[0]) >= 0;

    public static bool IsForeign(string? code) => Kind(code) == HolderIdentifierKind.ForeignNationalId;

    /// <summary>«کد ملی» or «کد یکتای اتباع», by the identifier's length (an unreadable one is called a national code).</summary>
    public static string Label(string? code) => IsForeign(code) ? ForeignIdLabel : NationalCodeLabel;

    /// <summary>The label for a holder known to be Iranian (<paramref name="foreign"/> false) or foreign.</summary>
    public static string Label(bool foreign) => foreign ? ForeignIdLabel : NationalCodeLabel;

    /// <summary>
    /// The identifier with its middle hidden, in Persian digits: a national code shows four digits, three stars and three
    /// digits (0076543218 → ۰۰۷۶***۲۱۸); a foreign identifier four digits, five stars and three digits
    /// (123456789012 → ۱۲۳۴*****۰۱۲), so the length still tells which it is.
    /// </summary>
    public static string Mask(string code) =>
        code.Length < 8 ? new string('*', code.Length) : PersianText.ToPersianDigits(code[..4] + new string('*', code.Length - 7) + code[^3..]);

    /// <summary>
    /// Why <paramref name="code"/> (normalized, not empty) is refused, in Persian: a wrong length explains both kinds, a
    /// ten-digit one its check digit, a twelve-digit one its equal digits.
    /// </summary>
    public static string Refusal(string? code) => Kind(code) switch
    {
        HolderIdentifierKind.NationalCode => NationalCodeInvalid,
        HolderIdentifierKind.ForeignNationalId => ForeignIdInvalid,
        _ => WrongLength,
    };

    public const string NationalCodeInvalid = "کد ملی درست نیست؛ رقم کنترل آن نمی‌خواند. رقم‌ها را دوباره با کارت ملی بررسی کنید.";

    public const string ForeignIdInvalid = "کد یکتای اتباع درست نیست؛ دوازده رقم یکسان کد یکتا نیست. رقم‌ها را دوباره با کارت اقامت بررسی کنید.";

    public const string WrongLength = "کد ملی یا کد یکتای اتباع درست نیست؛ کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد.";

    private static bool IsDigits(string code)
    {
        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
