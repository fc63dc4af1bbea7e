using System.Net;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>An agency portal user made by <see cref="AgencyPortalUsers.CreateAsync"/>: active, authenticator set up, own password.</summary>
public sealed record AgencyPortalAccount(
    string UserId, string Email, string Password, string AuthenticatorKey, int AgencyClientId, bool IsAdministrator, string FullName);

/// <summary>
/// Agency portal users for tests: <c>var account = await AgencyPortalUsers.CreateAsync(portal, agencyId)</c>, then
/// <c>var client = await AgencyPortalUsers.SignedInAsync(portal, account)</c>, which signs in through the real pages
/// (password, then the authenticator app's code); or both and a new agency in one call with
/// <see cref="SignedInForNewAgencyAsync"/>. The clients keep cookies and do not follow redirects.
/// </summary>
public static class AgencyPortalUsers
{
    public const string Password = "agency portal passphrase";

    private static readonly Dictionary<string, long> LastSteps = new(StringComparer.Ordinal);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Containers = [];
    private static int users;
    private static int clients;

    /// <summary>An active user of the agency with a known password (<see cref="Password"/>) and an authenticator set up.</summary>
    public static Task<AgencyPortalAccount> CreateAsync(PortalFactory factory, int agencyClientId, bool administrator = false) =>
        factory.WithServicesAsync(async services =>
        {
            var userManager = services.GetRequiredService<UserManager<StaffUser>>();
            var n = Interlocked.Increment(ref users);
            var email = $"agency-user-{n}-{Guid.NewGuid():N}"[..30] + "@example.test";
            var user = new StaffUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = "کاربر آزمایشی دستگاه",
                AgencyClientId = agencyClientId,
                IsActive = true,
                CreatedAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            Check(await userManager.CreateAsync(user, Password));
            Check(await userManager.AddToRoleAsync(user, administrator ? AgencyRoles.Administrator : AgencyRoles.Officer));
            Check(await userManager.ResetAuthenticatorKeyAsync(user));
            Check(await userManager.SetTwoFactorEnabledAsync(user, true));
            var key = (await userManager.GetAuthenticatorKeyAsync(user))!;
            return new AgencyPortalAccount(user.Id, email, Password, key, agencyClientId, administrator, user.FullName);
        });

    /// <summary>A client signed in as <paramref name="account"/> through the sign-in and code pages.</summary>
    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, AgencyPortalAccount account)
    {
        var client = OpenClient(factory);
        var (password, _) = await Forms.SubmitAsync(client, "/agency/sign-in", "/agency/sign-in", ("Email", account.Email), ("Password", account.Password));
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/agency/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var (code, _) = await Forms.SubmitAsync(client, "/agency/two-factor", "/agency/two-factor",
            ("Code", await NextCodeAsync(factory, account.AuthenticatorKey)), ("ReturnUrl", "/agency"));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/agency", code.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>A new agency (all scopes unless told), a user of it, and a client signed in as that user.</summary>
    public static async Task<(HttpClient Client, IssuedCredentials Agency, AgencyPortalAccount Account)> SignedInForNewAgencyAsync(
        PortalFactory factory, AgencyScopes scopes = AgencyClients.AllScopes, bool administrator = false)
    {
        var agency = await AgencyClients.RegisterAsync(factory, scopes);
        var account = await CreateAsync(factory, agency.AgencyId, administrator);
        return (await SignedInAsync(factory, account), agency, account);
    }

    /// <summary>
    /// A browser-like client: its own cookies, redirects not followed, and its own client address (used where the
    /// portal has <see cref="TestClientAddress"/>, as <c>StaffPortal</c> has).
    /// </summary>
    public static HttpClient OpenClient(PortalFactory factory)
    {
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        Containers.AddOrUpdate(client, cookies);
        var n = Interlocked.Increment(ref clients);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, $"10.30.{n / 250}.{(n % 250) + 1}");
        return client;
    }

    /// <summary>
    /// The code the app shows now by the portal's clock. A code is accepted once: when this key's code of the current
    /// 30 seconds was used, the next one (accepted one step ahead) is given, and past that it waits for the clock.
    /// </summary>
    public static async Task<string> NextCodeAsync(PortalFactory factory, string key)
    {
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        for (var waited = 0; ; waited++)
        {
            lock (LastSteps)
            {
                var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
                var step = LastSteps.TryGetValue(key, out var last) && last >= now ? last + 1 : now;
                if (step <= now + 1)
                {
                    LastSteps[key] = step;
                    return Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
            }

            Assert.True(waited < 70, "the portal's clock does not move on: no unused authenticator code is left");
            await Task.Delay(500);
        }
    }

    /// <summary>The value of the cookie <paramref name="name"/> a client of <see cref="OpenClient"/> holds for /agency, or null.</summary>
    public static string? CookieOf(HttpClient client, string name) =>
        Containers.TryGetValue(client, out var cookies) ? cookies.GetCookies(new Uri("http://localhost/agency/"))[name]?.Value : null;

    private static void Check(IdentityResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
