using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// Lets the applicant's browser come back to its request: a Data Protection–protected cookie holds the request's
/// random access key. SameSite=Lax so that it survives the top-level redirect back from the bank's page.
/// </summary>
public sealed class RequestAccess(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "ci-request";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector protector = dataProtection.CreateProtector("CertificateInquiry.Requests.Access");

    /// <summary>A new random access key (128 bits, hex).</summary>
    public static string NewAccessKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public void Grant(HttpContext context, string accessKey) =>
        context.Response.Cookies.Append(CookieName, protector.Protect(accessKey), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/requests",
            IsEssential = true,
            Expires = clock.GetUtcNow().Add(Lifetime),
        });

    /// <summary>The access key the browser holds, or null when it holds none or a tampered one.</summary>
    public string? AccessKey(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var protectedKey) || string.IsNullOrEmpty(protectedKey))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedKey);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/requests" });
}
