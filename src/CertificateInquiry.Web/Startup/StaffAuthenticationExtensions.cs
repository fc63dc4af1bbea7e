using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Staff.Account;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Startup;

public static class StaffAuthenticationExtensions
{
    /// <summary>The back-office path: the staff cookies are sent nowhere else.</summary>
    public const string BackOfficePath = "/admin";

    /// <summary>
    /// Staff sign-in with ASP.NET Core Identity on the portal's database: password policy, throttled failures, two-factor,
    /// the session cookie, security-stamp checks, the role policies and the province scope (docs/decisions/ADR-009).
    /// </summary>
    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StaffOptions.Section);
        builder.Services.Configure<StaffOptions>(section);
        var staff = section.Get<StaffOptions>() ?? new StaffOptions();

        builder.Services
            .AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length, not composition (NIST SP 800-63B): a long passphrase beats "P@ssw0rd1".
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                // No lockout (StaffUserManager): failed sign-ins are slowed down per address and account (SignInThrottle).
                options.Lockout.AllowedForNewUsers = false;

                // Authenticator codes on the portal's clock, each accepted once.
                options.Tokens.AuthenticatorTokenProvider = StaffAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<PersianIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<StaffAuthenticatorTokenProvider>(StaffAuthenticatorTokenProvider.ProviderName);

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "ci-staff";
            ConfigureStaffCookie(cookie);
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = staff.SessionTimeout;
            cookie.LoginPath = BackOfficePath + "/sign-in";
            cookie.LogoutPath = BackOfficePath + "/sign-out";
            cookie.AccessDeniedPath = BackOfficePath + "/access-denied";
            cookie.ReturnUrlParameter = "returnUrl";
        });

        // Between the password and the code: who is half signed in (Identity keeps it five minutes).
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "ci-staff-2fa";
            ConfigureStaffCookie(cookie);
        });

        // The portal's clock (replaceable in tests) for cookie lifetimes and security-stamp checks alike.
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((validator, clock) =>
            {
                validator.ValidationInterval = staff.SecurityStampValidationInterval;
                validator.TimeProvider = clock;
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => StaffAccess.IsStaff(context.User)))
            .AddPolicy(StaffPolicies.NationalAdmin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(StaffRoles.NationalAdmin))
            .AddPolicy(StaffPolicies.Managers, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => StaffAccess.IsStaff(context.User))
                .RequireRole(StaffRoles.NationalAdmin, StaffRoles.ProvincialManager))
            .AddPolicy(StaffPolicies.ProvinceResource, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(ProvinceResourceRequirement.Instance));
        builder.Services.AddSingleton<IAuthorizationHandler, ProvinceResourceHandler>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<StaffScope>();
        builder.Services.AddScoped<StaffAuditTrail>();
        builder.Services.AddScoped<StaffUserAccounts>();
        builder.Services.AddScoped<StaffDemoUsers>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<ISignInThrottle>(provider => provider.GetService<RedisConnection>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisSignInThrottle>(provider, redis)
            : provider.GetRequiredService<SignInThrottle>());
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.AddScoped<PasswordChange>();
        builder.Services.Configure<MvcOptions>(mvc =>
        {
            // In this order: a one-time password is replaced before an authenticator app is set up.
            mvc.Filters.Add(new RequirePasswordChangeFilter());
            mvc.Filters.Add(new RequireTwoFactorEnrolmentFilter());
        });
        return builder;
    }

    private static void ConfigureStaffCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.Path = BackOfficePath;
    }
}
