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
/// The portal with a clock the tests can move forward (cookie lifetimes, security-stamp checks) and two test-only
/// back-office actions: one for national admins only, one that opens a "resource" of a given province.
/// </summary>
public class StaffPortal : PortalFactory
{
    public const string Password = "correct horse battery";

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddControllers().AddApplicationPart(typeof(StaffTestEndpointsController).Assembly);
        });
    }

    /// <summary>A browser: its own cookies, redirects not followed so that tests see where they lead.</summary>
    public Browser OpenBrowser()
    {
        var cookies = new CookieContainer();
        return new Browser(CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
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
        return ((await users.GetAuthenticatorKeyAsync(user))!, codes);
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
