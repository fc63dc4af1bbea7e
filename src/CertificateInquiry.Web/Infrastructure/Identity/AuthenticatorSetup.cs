using System.Text;
using QRCoder;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>How a shared authenticator key is shown: as text in groups of four, and as a QR code of its otpauth URI.</summary>
public static class AuthenticatorSetup
{
    /// <summary>"JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and type into an app.</summary>
    public static string FormatKey(string key)
    {
        var builder = new StringBuilder(key.Length + (key.Length / 4));
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToUpperInvariant(key[i]));
        }

        return builder.ToString();
    }

    /// <summary>The key URI format authenticator apps read (Google's "Key Uri Format"): TOTP, SHA-1, 6 digits, 30 s.</summary>
    public static string OtpAuthUri(string issuer, string account, string key)
    {
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        return "otpauth://totp/" + label + "?secret=" + key.ToUpperInvariant() + "&issuer=" + Uri.EscapeDataString(issuer) + "&digits=6";
    }

    /// <summary>
    /// The URI as a PNG QR code in a <c>data:</c> URI: drawn in memory and sent in the page, so the key never travels
    /// in a second request or through another host (the CSP allows <c>img-src data:</c>).
    /// </summary>
    public static string QrCodeDataUri(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        using var qrCode = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(qrCode.GetGraphic(6, drawQuietZones: true));
    }
}
