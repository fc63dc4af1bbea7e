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

    /// <summary>Failed sign-ins (password or two-factor code) in a row before the account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The name authenticator apps show beside the code.</summary>
    public string AuthenticatorIssuer { get; set; } = "TVTO Certificate Inquiry";

    /// <summary>Development only: create the demo staff users on start-up if they are missing.</summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>Development only: the demo users' password (nothing is seeded without one).</summary>
    public string? DemoPassword { get; set; }
}
