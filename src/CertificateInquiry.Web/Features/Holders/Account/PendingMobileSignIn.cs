using Microsoft.AspNetCore.DataProtection;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// Between the two steps of the sign-in by code (identifier and mobile, then the code): who is signing in, in a cookie
/// protected by the portal's data protection keys (every server reads it), sent only to the sign-in pages, and good for
/// <see cref="Lifetime"/>. It proves nothing by itself: only the code sent to the mobile does.
/// </summary>
public sealed class PendingMobileSignIn(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "ci-holder-pending";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("CertificateInquiry.Holders.PendingMobileSignIn").ToTimeLimitedDataProtector();

    public void Write(HttpContext context, string identifier, string mobile)
    {
        var value = protector.Protect(identifier + "|" + mobile, clock.GetUtcNow() + Lifetime);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = HolderDefaults.SignInPath,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The identifier and mobile of this browser's sign-in in progress, or null (none, expired, or tampered with).</summary>
    public (string Identifier, string Mobile)? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value, out var expiration).Split('|');
            return parts.Length == 2 && expiration > clock.GetUtcNow() ? (parts[0], parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = HolderDefaults.SignInPath });
}
