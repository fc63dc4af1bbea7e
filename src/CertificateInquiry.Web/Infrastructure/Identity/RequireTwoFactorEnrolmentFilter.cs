using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Users who must use an authenticator app (in the back-office: national admins and provincial managers,
/// <see cref="StaffRoles.RequiresTwoFactor"/>; in the agency portal: everyone) and are signed in without one set up
/// are sent to the set-up page from every action under the filter's area except those marked
/// <see cref="AllowWithoutTwoFactorAttribute"/> (the set-up page itself, changing the password, signing out).
/// Registered globally, once per area, so a controller cannot forget it; it reads only the cookie's claims.
/// </summary>
public sealed class RequireTwoFactorEnrolmentFilter(string area, string setupPath, Func<ClaimsPrincipal, bool> mustUseTwoFactor)
    : IAuthorizationFilter
{
    public const string SetupPath = "/admin/account/two-factor-setup";

    /// <summary>The back-office's filter.</summary>
    public RequireTwoFactorEnrolmentFilter()
        : this("/admin", SetupPath, StaffAccess.MustUseTwoFactor)
    {
    }

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        // The path check keeps the public pages (and the error pages re-executed for a back-office address) out of it.
        if (!context.HttpContext.Request.Path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase)
            || !mustUseTwoFactor(user)
            || user.HasClaim(StaffClaimTypes.TwoFactorEnabled, "true")
            || context.Filters.OfType<AllowWithoutTwoFactorAttribute>().Any())
        {
            return;
        }

        context.Result = new RedirectResult(setupPath);
    }
}

/// <summary>Marks an action a user who must use two-factor sign-in may use before setting it up.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute, IFilterMetadata;
