using System.Net;
using AngleSharp.Html.Parser;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Features.Holders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// One browser in the national sign-in's redirect dance: the portal through its test server (with the browser's
/// cookies: the correlation and nonce cookies, then the holder's), the fake provider over real HTTP on loopback.
/// </summary>
public sealed class NationalSignInFlow : IDisposable
{
    private readonly PortalFactory portal;
    private readonly HttpClient provider = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public NationalSignInFlow(PortalFactory portal)
    {
        this.portal = portal;
        Portal = portal.CreateDefaultClient(new CookieContainerHandler(Cookies));
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The browser at the portal (no redirects followed).</summary>
    public HttpClient Portal { get; }

    /// <summary>Presses the national sign-in button: the portal's answer, a redirect to the provider's /authorize.</summary>
    public async Task<Uri> StartAsync(string? returnUrl = null)
    {
        var response = await Forms.PostWithTokenFromAsync(Portal, HolderDefaults.SignInPath, "/my/sign-in/national", ("returnUrl", returnUrl ?? ""));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>At the provider: the page, the national code typed, «ورود» (or «انصراف»); the redirect back to the portal.</summary>
    public async Task<Uri> LoginAtProviderAsync(Uri authorize, string nationalCode, bool cancel = false)
    {
        var page = await provider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var requestId = document.QuerySelector("input[name='request']")!.GetAttribute("value")!;
        Assert.NotNull(document.QuerySelector("button[name='login']"));
        var fields = new List<KeyValuePair<string, string>> { new("request", requestId), new("nationalCode", nationalCode) };
        fields.Add(cancel ? new("cancel", "1") : new("login", "1"));
        var answer = await provider.PostAsync(new Uri(authorize, FakeNationalSignIn.PathPrefix + "/authorize"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>The browser arrives back at the portal's callback.</summary>
    public Task<HttpResponseMessage> ReturnAsync(Uri callback) => Portal.GetAsync(callback.PathAndQuery);

    /// <summary>The whole dance; the portal's last answer (a redirect to where the holder was going, or to the failure page).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string nationalCode, string? returnUrl = null) =>
        await ReturnAsync(await LoginAtProviderAsync(await StartAsync(returnUrl), nationalCode));

    /// <summary>The holder session this browser holds, read from its cookie with the portal's own keys; null without one.</summary>
    public AuthenticationTicket? HolderTicket()
    {
        var cookie = Cookies.GetCookies(new Uri(portal.Server.BaseAddress, HolderDefaults.Path + "/")).FirstOrDefault(c => c.Name == HolderDefaults.CookieName);
        if (cookie is null || cookie.Value.Length == 0)
        {
            return null;
        }

        var options = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(HolderDefaults.Scheme);
        return options.TicketDataFormat.Unprotect(cookie.Value);
    }

    /// <summary>A GET that a provider would get, on the provider's side (end_session and the like).</summary>
    public Task<HttpResponseMessage> AtProviderAsync(Uri uri) => provider.GetAsync(uri);

    public void Dispose()
    {
        Portal.Dispose();
        provider.Dispose();
    }
}
