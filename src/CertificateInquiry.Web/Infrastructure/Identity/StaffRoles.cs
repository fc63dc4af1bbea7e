namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>The back-office roles. A user has exactly one; the names are stored and must not change.</summary>
public static class StaffRoles
{
    /// <summary>Everything, in every province: users, tariffs, imports.</summary>
    public const string NationalAdmin = "NationalAdmin";

    /// <summary>Their own province: approves the answers experts propose.</summary>
    public const string ProvincialManager = "ProvincialManager";

    /// <summary>Their own province: reviews requests and proposes answers.</summary>
    public const string ProvincialExpert = "ProvincialExpert";

    public static readonly IReadOnlyList<string> All = [NationalAdmin, ProvincialManager, ProvincialExpert];

    /// <summary>True for the roles that work within one province and so need one.</summary>
    public static bool IsProvincial(string role) => role is ProvincialManager or ProvincialExpert;

    /// <summary>
    /// The roles that must sign in with an authenticator app: national admins (everything) and provincial managers, who
    /// approve the answers that become certificate records.
    /// </summary>
    public static bool RequiresTwoFactor(string role) => role is NationalAdmin or ProvincialManager;

    /// <summary>The role's Persian title, as shown to people.</summary>
    public static string PersianTitle(string role) => role switch
    {
        NationalAdmin => "مدیر ستادی",
        ProvincialManager => "مدیر استانی",
        ProvincialExpert => "کارشناس استانی",
        _ => role,
    };

    /// <summary>The role named <paramref name="name"/> whatever its letter case, or null.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
