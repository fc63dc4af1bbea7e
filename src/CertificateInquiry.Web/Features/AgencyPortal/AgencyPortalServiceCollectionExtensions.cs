using CertificateInquiry.Web.Features.AgencyPortal.Account;
using CertificateInquiry.Web.Features.AgencyPortal.Users;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal;

public static class AgencyPortalServiceCollectionExtensions
{
    /// <summary>
    /// The agency portal's accounts (docs/decisions/ADR-029): users in the portal's Identity store with an agency and an
    /// agency role, signed in with their own cookie scheme on path /agency (password, then an authenticator code, always),
    /// the member and administrator policies bound to that scheme, and the filters that send a user with an
    /// administrator's one-time password or without an authenticator app to fix that first.
    /// </summary>
    public static IServiceCollection AddAgencyPortal(this IServiceCollection services, IConfiguration configuration)
    {
        var staff = configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new StaffOptions();
        services.AddAuthentication()
            .AddCookie(AgencyPortalDefaults.Scheme, cookie =>
            {
                cookie.Cookie.Name = AgencyPortalDefaults.CookieName;
                ConfigureCookie(cookie);
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = staff.SessionTimeout;
                cookie.LoginPath = AgencyPortalDefaults.SignInPath;
                cookie.LogoutPath = AgencyPortalDefaults.SignOutPath;
                cookie.AccessDeniedPath = AgencyPortalDefaults.AccessDeniedPath;
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            })
            .AddCookie(AgencyPortalDefaults.TwoFactorScheme, cookie =>
            {
                cookie.Cookie.Name = AgencyPortalDefaults.TwoFactorCookieName;
                ConfigureCookie(cookie);
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                cookie.SlidingExpiration = false;
            });
        foreach (var scheme in new[] { AgencyPortalDefaults.Scheme, AgencyPortalDefaults.TwoFactorScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(AgencyPortalPolicies.Member, policy => policy
                .AddAuthenticationSchemes(AgencyPortalDefaults.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(AgencyMemberRequirement.Instance))
            .AddPolicy(AgencyPortalPolicies.Administrator, policy => policy
                .AddAuthenticationSchemes(AgencyPortalDefaults.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(AgencyMemberRequirement.Instance)
                .RequireRole(AgencyRoles.Administrator));
        services.AddScoped<IAuthorizationHandler, AgencyMemberHandler>();
        services.AddScoped<AgencyPortalMember>();
        services.AddScoped<AgencySignIn>();
        services.AddScoped<AgencyUserAdministration>();
        services.Configure<MvcOptions>(mvc =>
        {
            // As in the back-office, and in this order: the one-time password first, then the authenticator app, which
            // every agency portal user must have.
            mvc.Filters.Add(new RequirePasswordChangeFilter(AgencyPortalDefaults.Path, AgencyPortalDefaults.PasswordPath));
            mvc.Filters.Add(new RequireTwoFactorEnrolmentFilter(
                AgencyPortalDefaults.Path, AgencyPortalDefaults.TwoFactorSetupPath, AgencyAccess.IsAgencyUser));
        });
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.Path = AgencyPortalDefaults.Path;
    }
}
