using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// How an applicant's browser is recognised as the one that started a request: a cookie holding the request's
/// <c>AccessKey</c> under Data Protection (readable on any server, useless if copied out of the database without the
/// keys, unreadable to scripts). <c>SameSite=Lax</c> because it must come back with the top-level redirect from the bank.
/// </summary>
public sealed class RequestAccess(IDataProtectionProvider dataProtection)
{
    public const string CookieName = "ci-request";
    public const string CookiePath = "/requests";

    /// <summary>A draft can be finished and paid within this time from the last visit.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector protector = dataProtection.CreateProtector("CertificateInquiry.RequestAccess.v1");

    /// <summary>A new random access key (128 bits, hex).</summary>
    public static string NewAccessKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Gives this browser access to the request with <paramref name="accessKey"/> (replacing any other).</summary>
    public void Grant(HttpContext context, string accessKey) =>
        context.Response.Cookies.Append(CookieName, Protect(accessKey), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = CookiePath,
            IsEssential = true,
            MaxAge = Lifetime,
        });

    /// <summary>The access key this browser holds, or null (no cookie, or one that was tampered with or whose key is gone).</summary>
    public string? AccessKeyOf(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Revoke(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });

    /// <summary>The cookie's value for <paramref name="accessKey"/> (tests set it directly).</summary>
    internal string Protect(string accessKey) => protector.Protect(accessKey);
}
