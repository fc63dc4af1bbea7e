using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Home;

/// <summary>The back-office start page: who is signed in, in which role and province, and where each section begins.</summary>
[Route("admin")]
public sealed class StaffHomeController(StaffScope scope, AppDbContext db) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var role = User.FindFirstValue(ClaimTypes.Role) ?? "";
        var provinceName = scope.ProvinceId is { } provinceId
            ? await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        return View(new StaffHomePage(
            FullName: User.FindFirstValue(StaffClaimTypes.FullName) is { Length: > 0 } name ? name : User.Identity?.Name ?? "",
            Email: User.FindFirstValue(ClaimTypes.Email) ?? "",
            RoleTitle: StaffRoles.PersianTitle(role),
            ProvinceName: provinceName,
            IsNationalAdmin: scope.IsNationalAdmin,
            IsManager: scope.IsNationalAdmin || User.IsInRole(StaffRoles.ProvincialManager),
            TwoFactorEnabled: User.HasClaim(StaffClaimTypes.TwoFactorEnabled, "true")));
    }
}

/// <summary>What the start page shows; <paramref name="ProvinceName"/> is null for national admins (every province).</summary>
public sealed record StaffHomePage(
    string FullName,
    string Email,
    string RoleTitle,
    string? ProvinceName,
    bool IsNationalAdmin,
    bool IsManager,
    bool TwoFactorEnabled);
