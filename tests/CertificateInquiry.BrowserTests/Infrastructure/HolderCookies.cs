using CertificateInquiry.Web.Features.Holders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>
/// A holder's session cookie in a browser context, minted with the portal's own keys as the sign-in would issue it,
/// for the journeys that begin once a holder is signed in (the sign-in has its own journey).
/// </summary>
public static class HolderCookies
{
    public static async Task SignInHolderAsync(this BrowserFixture fixture, IBrowserContext context, string identifier)
    {
        var options = fixture.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(HolderDefaults.Scheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(
            HolderClaims.Create(identifier, HolderSignInMethod.NationalSignIn),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan },
            HolderDefaults.Scheme);
        await context.AddCookiesAsync([new Cookie
        {
            Name = HolderDefaults.CookieName,
            Value = options.TicketDataFormat.Protect(ticket),
            Domain = fixture.Origin.Host,
            Path = HolderDefaults.Path,
            HttpOnly = true,
        }]);
    }
}
