namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>The <c>Staff</c> settings section: sign-in, session and demo users.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>A session with no request for this long ends (sliding).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often an open session is checked against the database: a user who signed out elsewhere, was locked,
    /// deactivated or changed loses the session within this interval.
    /// </summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How failed sign-ins slow down the client address and the account they are made on (no account is locked).</summary>
    public SignInThrottleOptions SignInThrottle { get; set; } = new();

    /// <summary>The name authenticator apps show beside the code.</summary>
    public string AuthenticatorIssuer { get; set; } = "TVTO Certificate Inquiry";

    /// <summary>Development only: create the demo staff users on start-up if they are missing.</summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>Development only: the demo users' password (nothing is seeded without one).</summary>
    public string? DemoPassword { get; set; }
}

/// <summary>
/// The <c>Staff:SignInThrottle</c> settings. A key (a client address, or the e-mail typed) may fail a few times freely;
/// after that each failure holds it back for a delay that doubles from <see cref="FirstDelay"/> up to the key's cap.
/// Attempts refused meanwhile are not checked and not counted. A key with no failure for <see cref="ForgetAfter"/> starts again.
/// </summary>
public sealed class SignInThrottleOptions
{
    public int FreeFailuresPerAccount { get; set; } = 5;

    /// <summary>Short, so that a stranger who knows an e-mail cannot keep its owner out for long.</summary>
    public TimeSpan MaxAccountDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Several people may share an office's address: it gets more free failures, and a longer cap.</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    public TimeSpan MaxAddressDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Keys kept in memory at most; past it, those forgotten longest are dropped (a flood of made-up e-mails).</summary>
    public int MaxKeys { get; set; } = 100_000;
}
