using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// National admins and provincial managers must use an authenticator app (<see cref="StaffRoles.RequiresTwoFactor"/>):
/// one who is signed in without one set up is sent to the set-up page from every action except those marked
/// <see cref="AllowWithoutTwoFactorAttribute"/> (the set-up page itself, changing the password, signing out).
/// Registered globally, so a back-office controller cannot forget it; it reads only the cookie's claims.
/// </summary>
public sealed class RequireTwoFactorEnrolmentFilter : IAuthorizationFilter
{
    public const string SetupPath = "/admin/account/two-factor-setup";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        // The path check keeps the public pages (and the error pages re-executed for a back-office address) out of it.
        if (!context.HttpContext.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            || !StaffAccess.MustUseTwoFactor(user)
            || user.HasClaim(StaffClaimTypes.TwoFactorEnabled, "true")
            || context.Filters.OfType<AllowWithoutTwoFactorAttribute>().Any())
        {
            return;
        }

        context.Result = new RedirectResult(SetupPath);
    }
}

/// <summary>Marks an action a national admin or provincial manager may use before setting up two-factor sign-in.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute, IFilterMetadata;
