using System.Collections.Concurrent;
using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Features.Staff;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>
/// The portal with a clock the tests can move forward (cookie lifetimes, security-stamp checks), a client address of
/// its own for each browser (the sign-in throttle counts per address), and two test-only back-office actions: one for
/// national admins only, one that opens a "resource" of a given province.
/// </summary>
public class StaffPortal : PortalFactory
{
    public const string Password = "correct horse battery";

    /// <summary>The test header that sets a request's client address (the connection's remote address).</summary>
    public const string ClientAddressHeader = TestClientAddress.Header;

    private readonly ConcurrentDictionary<string, string> authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> lastTimeSteps = new(StringComparer.Ordinal);
    private readonly Lock codeLock = new();
    private int browsers;

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddControllers().AddApplicationPart(typeof(StaffTestEndpointsController).Assembly);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>A browser: its own cookies and client address, redirects not followed so that tests see where they lead.</summary>
    public Browser OpenBrowser(string? clientAddress = null)
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var n = Interlocked.Increment(ref browsers);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress ?? $"10.20.{n / 250}.{(n % 250) + 1}");
        return new Browser(client, cookies);
    }

    /// <summary>
    /// The code the user's authenticator app shows now, by the portal's clock. A code is accepted once: when this
    /// user's code of the current 30 seconds was already used, the next one (accepted one step ahead) is given, and
    /// past that the clock moves on.
    /// </summary>
    public string NextCode(string key)
    {
        lock (codeLock)
        {
            var now = Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
            var step = lastTimeSteps.TryGetValue(key, out var last) && last >= now ? last + 1 : now;
            if (step > now + 1)
            {
                Clock.Advance(TimeSpan.FromSeconds(30));
            }

            lastTimeSteps[key] = step;
            return Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
        }
    }

    /// <summary>The code for the user whose two-factor sign-in <see cref="EnableTwoFactorAsync"/> turned on.</summary>
    public string NextCodeFor(string email) => NextCode(authenticatorKeys[email]);

    /// <summary>A browser signed in through the real forms: password, then, for a user with two-factor on, the app's code.</summary>
    public async Task<Browser> SignedInBrowserAsync(string email, string password = Password)
    {
        var browser = OpenBrowser();
        var (response, _) = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/admin/two-factor", StringComparison.Ordinal) == true)
        {
            var (code, _) = await Forms.SubmitAsync(browser.Client, "/admin/two-factor?returnUrl=%2Fadmin", "/admin/two-factor",
                ("Code", NextCodeFor(email)), ("ReturnUrl", "/admin"));
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
            Assert.Equal("/admin", code.Headers.Location?.OriginalString);
        }

        return browser;
    }

    public async Task<StaffUser> CreateUserAsync(string email, string role, string? province = null, string password = Password, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffUserAccounts>();
        var result = await accounts.CreateAsync(
            new NewStaffUser(email, password, role, name ?? "کاربر آزمایشی", "کارشناس", province), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.User!;
    }

    /// <summary>Turns on two-factor sign-in for the user as the set-up page would; returns the shared key and recovery codes.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        authenticatorKeys[email] = key;
        return (key, codes);
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<StaffUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }
}

public sealed record Browser(HttpClient Client, CookieContainer Cookies)
{
    public Cookie? Cookie(string name) => Cookies.GetCookies(new Uri("http://localhost/admin/"))[name];

    public Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> SignInAsync(string email, string password = StaffPortal.Password) =>
        Forms.SubmitAsync(Client, "/admin/sign-in", "/admin/sign-in", ("Email", email), ("Password", password));
}


/// <summary>A clock that runs with the real one but can be moved forward.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}

/// <summary>Test-only back-office actions, as the features built later will have them.</summary>
[Route("admin/__test")]
public sealed class StaffTestEndpointsController(IAuthorizationService authorization) : StaffController
{
    [Authorize(Policy = StaffPolicies.NationalAdmin)]
    [HttpGet("admins-only")]
    public IActionResult AdminsOnly() => Content("admins only");

    /// <summary>Another province's resource is answered as if it did not exist.</summary>
    [HttpGet("province/{provinceId:int}")]
    public async Task<IActionResult> ProvinceResource(int provinceId)
    {
        var allowed = await authorization.AuthorizeAsync(User, new ProvinceResource(provinceId), StaffPolicies.ProvinceResource);
        return allowed.Succeeded ? Content("province " + provinceId) : NotFound();
    }
}
