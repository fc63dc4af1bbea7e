namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// An agency that inquires through the API or the agency portal: the Judiciary, the Ministry of Education, a bank,
/// an employers' association. Its OAuth client (OpenIddict's application row) carries the same <see cref="ClientId"/>;
/// this record holds what the portal decides with: scopes, quota, expiry, suspension and the secrets.
/// </summary>
public class AgencyClient
{
    public int Id { get; set; }

    /// <summary>The OAuth <c>client_id</c>: random, unguessable, never reused.</summary>
    public required string ClientId { get; set; }

    /// <summary>The agency's name in Persian.</summary>
    public required string Name { get; set; }

    public AgencyKind Kind { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public AgencyScopes Scopes { get; set; }

    /// <summary>How many inquiry rows (single inquiries and batch rows alike) the agency may ask for in one day (Iran time).</summary>
    public int DailyRowQuota { get; set; }

    /// <summary>The last day (Iran time) its credentials work; null for no end.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Suspended agencies get no token, and tokens already issued stop working.</summary>
    public DateTime? SuspendedAtUtc { get; set; }

    public string? SuspensionReason { get; set; }

    /// <summary>Changed on every save: two admins editing the same agency cannot overwrite each other.</summary>
    public Guid Version { get; set; }

    public List<AgencyClientSecret> Secrets { get; } = [];

    /// <summary>Whether the agency may authenticate and inquire on <paramref name="today"/> (Iran time).</summary>
    public bool IsActiveOn(DateOnly today) => SuspendedAtUtc is null && (ExpiresOn is null || today <= ExpiresOn);
}
