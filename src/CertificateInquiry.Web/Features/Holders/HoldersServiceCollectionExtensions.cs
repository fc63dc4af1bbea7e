using Microsoft.AspNetCore.Authentication.Cookies;

namespace CertificateInquiry.Web.Features.Holders;

public static class HoldersServiceCollectionExtensions
{
    /// <summary>
    /// The holders' area: its cookie (path /my, an hour idle; SameSite=Lax, because the national sign-in returns through
    /// a cross-site redirect, and every form on the area carries an antiforgery token) and its policy.
    /// </summary>
    public static IServiceCollection AddHolders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication()
            .AddCookie(HolderDefaults.Scheme, cookie =>
            {
                cookie.Cookie.Name = HolderDefaults.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.Path = HolderDefaults.Path;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
                cookie.LoginPath = HolderDefaults.SignInPath;
                cookie.LogoutPath = HolderDefaults.SignOutPath;
                cookie.AccessDeniedPath = HolderDefaults.SignInPath;
                cookie.ReturnUrlParameter = "returnUrl";
            });
        services.AddOptions<CookieAuthenticationOptions>(HolderDefaults.Scheme).Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);

        services.AddAuthorizationBuilder()
            .AddPolicy(HolderPolicies.Holder, policy => policy
                .AddAuthenticationSchemes(HolderDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(HolderClaims.Identifier));

        services.AddScoped<HolderRecords>();
        services.AddScoped<ShareCodes.HolderShareCodes>();
        services.AddScoped<Checks.HolderChecks>();
        services.AddOptions<Checks.HolderCheckOptions>().Bind(configuration.GetSection(Checks.HolderCheckOptions.Section));
        return services;
    }
}
