namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>The <c>AgencyApi</c> settings of the token server.</summary>
public sealed class AgencyTokenOptions
{
    public const string Section = "AgencyApi";

    /// <summary>
    /// A PKCS#12 file holding the certificate (with its private key) that signs and encrypts access tokens; the same
    /// file on every server. Required in Production. Elsewhere, when empty, the keys are made at start-up and last
    /// as long as the process (a token dies with it).
    /// </summary>
    public string? TokenCertificatePath { get; set; }

    public string? TokenCertificatePassword { get; set; }

    /// <summary>An access token's lifetime: short, because a token cannot be taken back once issued.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Token requests one client address may make per minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>
    /// Off only where TLS ends before the portal and the forwarded scheme is not passed on; in Development and the
    /// tests the portal runs over plain HTTP.
    /// </summary>
    public bool RequireHttps { get; set; } = true;
}
