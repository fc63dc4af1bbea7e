namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// The roles of agency portal users (/agency). Kept apart from <see cref="StaffRoles.All"/>: no back-office policy
/// accepts them, and no agency portal policy accepts a staff role. The names are stored and must not change.
/// </summary>
public static class AgencyRoles
{
    /// <summary>The agency's own administrator: manages the agency's portal users, and inquires.</summary>
    public const string Administrator = "AgencyAdministrator";

    /// <summary>An officer of the agency: inquires, single and in batches, and sees the agency's usage.</summary>
    public const string Officer = "AgencyOfficer";

    public static readonly IReadOnlyList<string> All = [Administrator, Officer];

    public static string PersianTitle(string role) => role switch
    {
        Administrator => "مدیر درگاه دستگاه",
        Officer => "کارشناس دستگاه",
        _ => role,
    };

    /// <summary>The role named <paramref name="name"/> whatever its letter case, or null.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
