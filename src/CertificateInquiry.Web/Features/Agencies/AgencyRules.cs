using CertificateInquiry.Web.Data;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>The rules of an agency's registration, shared by the admin page and the command line.</summary>
public static class AgencyRules
{
    /// <summary>The largest daily row quota accepted: far above any agency's need, to catch a typing slip.</summary>
    public const int MaxDailyRowQuota = 10_000_000;

    /// <summary>Null when <paramref name="normalizedName"/> can be an agency's name; otherwise the Persian reason.</summary>
    public static string? NameError(string normalizedName) =>
        normalizedName.Length is < 2 or > DataLimits.Title || normalizedName.Any(char.IsControl)
            ? $"نام دستگاه باید دست‌کم ۲ و حداکثر {Infrastructure.Persian.PersianText.ToPersianDigits(DataLimits.Title)} نویسه باشد."
            : null;
}
