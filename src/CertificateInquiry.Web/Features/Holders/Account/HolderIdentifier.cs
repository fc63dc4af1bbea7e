using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// The one place that says what a holder may sign in as: an Iranian national code (10 digits, checksum) or a foreign
/// national's unique identifier (کد یکتای اتباع: 12 digits, no public checksum). When the shared check for foreign
/// identifiers lands (issue 14, item 1), <see cref="IsValid"/> calls it and nothing else changes.
/// </summary>
public static class HolderIdentifier
{
    public const int ForeignLength = 12;

    /// <summary>Persian and Arabic digits to ASCII, spaces and ZWNJ dropped (<see cref="PersianText.NormalizeCode"/>).</summary>
    public static string Normalize(string? input) => PersianText.NormalizeCode(input);

    /// <summary>An already normalized identifier.</summary>
    public static bool IsValid(string? identifier) => NationalCode.IsValid(identifier) || IsForeign(identifier);

    /// <summary>A foreign national's identifier: 12 ASCII digits, not all the same.</summary>
    public static bool IsForeign(string? identifier) =>
        identifier is { Length: ForeignLength } && identifier.All(char.IsAsciiDigit) && identifier.AsSpan().IndexOfAnyExcept(identifier[0]) >= 0;

    /// <summary>The label that matches the identifier: «کد ملی» or «کد یکتای اتباع».</summary>
    public static string Label(string identifier) => IsForeign(identifier) ? "کد یکتای اتباع" : "کد ملی";
}
