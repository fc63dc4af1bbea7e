using System.Net;
using System.Security.Cryptography;
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

/// <summary>RFC 6238 (TOTP: HMAC-SHA1, 30-second steps, 6 digits), what an authenticator app computes from the shared key.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Code(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
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
