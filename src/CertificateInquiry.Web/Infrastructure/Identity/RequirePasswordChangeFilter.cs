using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// A password an admin made or reset is for one use: until its owner has chosen their own, every action under
/// <paramref name="area"/> (the back-office by default; the agency portal registers its own instance) except those
/// marked <see cref="AllowBeforePasswordChangeAttribute"/> (the change page, signing out) sends them to
/// <paramref name="changePath"/>. Runs before <see cref="RequireTwoFactorEnrolmentFilter"/>; reads only the cookie's claims.
/// </summary>
public sealed class RequirePasswordChangeFilter(string area = "/admin", string changePath = RequirePasswordChangeFilter.ChangePath)
    : IAuthorizationFilter
{
    public const string ChangePath = "/admin/account/password";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!context.HttpContext.Request.Path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase)
            || !context.HttpContext.User.HasClaim(StaffClaimTypes.MustChangePassword, "true")
            || context.Filters.OfType<AllowBeforePasswordChangeAttribute>().Any())
        {
            return;
        }

        context.Result = new RedirectResult(changePath);
    }
}

/// <summary>Marks an action open to someone who must still replace a password an admin made or reset.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowBeforePasswordChangeAttribute : Attribute, IFilterMetadata;
