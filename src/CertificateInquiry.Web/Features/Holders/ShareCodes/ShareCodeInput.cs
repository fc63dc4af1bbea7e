using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

/// <summary>A holder's "make a share code" form.</summary>
public sealed class ShareCodeInput
{
    /// <summary>The certificate's number, or empty for all of the holder's certificates.</summary>
    public string? Certificate { get; set; }

    /// <summary>Days the code stays valid, 1 to <see cref="HolderShareCodes.MaxDays"/>.</summary>
    public string? Days { get; set; } = "30";

    /// <summary>The holder's own note of whom it is for.</summary>
    public string? Recipient { get; set; }

    /// <summary>Made when the form is drawn: the same form sent twice makes one code.</summary>
    public string? CreationKey { get; set; }

    public int? DaysValue => int.TryParse(Days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : null;

    public void Normalize()
    {
        Certificate = PersianText.NormalizeCode(Certificate);
        Days = PersianText.NormalizeCode(Days);
        Recipient = PersianText.Normalize(Recipient);
        CreationKey = CreationKey?.Trim();
    }
}
