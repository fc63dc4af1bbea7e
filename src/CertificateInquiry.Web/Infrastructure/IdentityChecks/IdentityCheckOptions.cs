namespace CertificateInquiry.Web.Infrastructure.IdentityChecks;

/// <summary>The <c>IdentityChecks</c> settings section (docs/providers/identity-finnotech.md).</summary>
public sealed class IdentityCheckOptions
{
    public const string Section = "IdentityChecks";

    public const string NoProvider = "None";
    public const string FinnotechProvider = "Finnotech";

    /// <summary><c>None</c> (nothing is checked: development, or before the contract) or <c>Finnotech</c>.</summary>
    public string Provider { get; set; } = NoProvider;

    public FinnotechOptions Finnotech { get; set; } = new();

    /// <summary>How long the registry's answer for a national code and birth date is kept (in this server's memory).</summary>
    public TimeSpan RegistryAnswerKept { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often submitted requests are looked for to check against the registry.</summary>
    public TimeSpan RegistryCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Registry calls per request before it is marked unavailable for staff.</summary>
    public int RegistryMaxAttempts { get; set; } = 5;
}

/// <summary>The <c>IdentityChecks:Finnotech</c> settings: the intermediary's documented API with OAuth client credentials.</summary>
public sealed class FinnotechOptions
{
    public Uri BaseUrl { get; set; } = new("https://api.finnotech.ir");

    /// <summary>The client (application) id Finnotech issued; it is also part of every service path.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>From the environment or a secrets file only; sent in the token request's Basic header, never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The national id (شناسه ملی) of the organization that holds the contract, the token request's <c>nid</c>.</summary>
    public string ClientNationalId { get; set; } = "";

    /// <summary>Each call gives up after this: the applicant waits on the form for Shahkar's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
