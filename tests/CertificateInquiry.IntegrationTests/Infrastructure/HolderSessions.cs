using System.Net;
using CertificateInquiry.Web.Features.Holders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// A client already signed in as a holder, for the tests of what a holder does once signed in (their certificates,
/// share codes, corrections). The cookie is the portal's own, protected by its own data protection keys, exactly as
/// the sign-in would issue it; the sign-in itself is tested through the national sign-in's fake and the mobile code.
/// </summary>
public static class HolderSessions
{
    public static HttpClient SignedInHolder(this PortalFactory portal, string identifier, HolderSignInMethod method = HolderSignInMethod.NationalSignIn)
    {
        var options = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(HolderDefaults.Scheme);
        var now = portal.Services.GetRequiredService<TimeProvider>().GetUtcNow(); // the portal's clock, which a test may move
        var ticket = new AuthenticationTicket(
            HolderClaims.Create(identifier, method),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan },
            HolderDefaults.Scheme);
        var cookies = new CookieContainer();
        cookies.Add(new Uri(portal.Server.BaseAddress, HolderDefaults.Path), new Cookie(HolderDefaults.CookieName, options.TicketDataFormat.Protect(ticket), HolderDefaults.Path));
        var client = portal.CreateDefaultClient(new CookieContainerHandler(cookies));
        return client;
    }
}
