using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Features.AgencyPortal.Users;

/// <summary>An agency portal user as the users pages (the agency's and the national admin's) show them.</summary>
public sealed record AgencyUserSummary(
    string Id,
    string FullName,
    string Email,
    string? Role,
    bool IsActive,
    bool MustChangePassword,
    bool TwoFactorEnabled,
    DateTime CreatedAtUtc,
    string ConcurrencyStamp)
{
    public string RoleTitle => Role is null ? "بدون نقش" : AgencyRoles.PersianTitle(Role);

    public bool IsAdministrator => Role == AgencyRoles.Administrator;
}
