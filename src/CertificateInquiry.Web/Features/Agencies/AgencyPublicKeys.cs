using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>Reads the public keys an agency registers for signed client assertions (private_key_jwt, RFC 7523).</summary>
public static class AgencyPublicKeys
{
    public const int MaxLength = 20_000;
    public const int MaxKeys = 5;

    /// <summary>Null when <paramref name="jwks"/> is a JWK Set of public EC or RSA signing keys; otherwise why not, in Persian.</summary>
    public static string? Read(string jwks, out JsonWebKeySet? set)
    {
        set = null;
        if (jwks.Length > MaxLength)
        {
            return "مجموعه کلید بیش از اندازه بزرگ است.";
        }

        try
        {
            set = JsonWebKeySet.Create(jwks);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return "متن واردشده یک مجموعه کلید (JWK Set) درست نیست.";
        }

        if (set.Keys.Count is 0 or > MaxKeys)
        {
            set = null;
            return $"مجموعه کلید باید دست‌کم یک و حداکثر {MaxKeys.ToString(System.Globalization.CultureInfo.InvariantCulture)} کلید داشته باشد.";
        }

        foreach (var key in set.Keys)
        {
            if (key.Kty is not (JsonWebAlgorithmsKeyTypes.EllipticCurve or JsonWebAlgorithmsKeyTypes.RSA) || key.Use is not (null or JsonWebKeyUseNames.Sig))
            {
                set = null;
                return "فقط کلیدهای امضای EC یا RSA پذیرفته می‌شوند.";
            }

            if (key.HasPrivateKey || key.D is not null)
            {
                // Never stored: the agency should treat this key as leaked and make a new pair.
                set = null;
                return "این مجموعه کلید خصوصی دارد. فقط کلید عمومی را بفرستید و این جفت کلید را دیگر به کار نبرید.";
            }
        }

        return null;
    }
}
