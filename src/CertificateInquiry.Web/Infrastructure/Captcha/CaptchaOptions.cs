namespace CertificateInquiry.Web.Infrastructure.Captcha;

/// <summary>The <c>Captcha</c> settings section.</summary>
public sealed class CaptchaOptions
{
    public const string Section = "Captcha";

    /// <summary>Off only for load tests and the test suite.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Inquiries one client address makes per <see cref="Window"/> before it must solve the CAPTCHA (0: always).</summary>
    public int FreeInquiriesPerWindow { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Leading zero hex digits the solution's SHA-256 key must have: each one multiplies a browser's average work by 16
    /// (4 ≈ 65,000 hashes, a second or two on a phone).
    /// </summary>
    public int Difficulty { get; set; } = 4;

    /// <summary>How long a challenge may be solved and sent back.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signs the challenges; the same on every server. Empty: a random key per process (and a warning).</summary>
    public string? Secret { get; set; }

    internal string KeyPrefix => new('0', Difficulty);

    internal bool IsValid =>
        FreeInquiriesPerWindow >= 0 && Window > TimeSpan.Zero && Difficulty is >= 1 and <= 8 && ChallengeLifetime > TimeSpan.Zero;
}
