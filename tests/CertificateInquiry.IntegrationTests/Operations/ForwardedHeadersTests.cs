using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in settings. Every request here
/// arrives from a real connection address (TestServer leaves it empty, which no server does), set by
/// <see cref="ConnectionAddressPortal"/> before the portal's pipeline runs, as Kestrel would.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Stranger = "198.51.100.7";
    private const string Proxy = "10.0.0.5";
    private const int Limit = 5;

    private static readonly Dictionary<string, string?> Throttled = new()
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:InquiriesPerWindow"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Window"] = "00:05:00",
    };

    private static HttpRequestMessage Post(string path, string forwardedFor, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static string Forged(int i) => $"203.0.113.{i + 1}";

    [Fact]
    public async Task Thirty_lookups_with_thirty_forged_forwarded_addresses_from_one_client_meet_the_limit()
    {
        using var portal = new ConnectionAddressPortal(Stranger, Throttled);
        var client = portal.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            var response = await client.SendAsync(Post("/certificates/lookup", Forged(i),
                ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}")));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Limit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(30 - Limit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Thirty_tracking_code_guesses_with_forged_forwarded_addresses_meet_the_limit()
    {
        using var portal = new ConnectionAddressPortal(Stranger, Throttled);
        var client = portal.CreateClient();

        var refused = 0;
        for (var i = 0; i < 30; i++)
        {
            var response = await client.SendAsync(Post("/requests/track", Forged(i),
                ("TrackingCode", $"{100000000000 + i}"), ("NationalCode", "0084575948")));
            refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        Assert.Equal(30 - Limit, refused);
    }

    [Fact]
    public async Task Forged_forwarded_addresses_do_not_put_off_the_captcha()
    {
        using var portal = new ConnectionAddressPortal(Stranger, new Dictionary<string, string?>
        {
            ["Captcha:Enabled"] = "true",
            ["Captcha:FreeInquiriesPerWindow"] = "2",
            ["Captcha:Secret"] = "forwarded-headers-test-secret",
        });
        var client = portal.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            var free = await HtmlPage.ParseAsync(await client.SendAsync(Post("/certificates/lookup", Forged(i),
                ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}"))));
            Assert.Null(free.QuerySelector(".error-summary"));
        }

        var third = await HtmlPage.ParseAsync(await client.SendAsync(Post("/certificates/lookup", Forged(2),
            ("NationalCode", "0084575948"), ("CertificateNumber", "1401-08-000002"))));

        Assert.Contains("ربات نیستید", third.QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strangers_forwarded_proto_is_ignored()
    {
        using var portal = new ConnectionAddressPortal(Stranger);
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await portal.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("secure", AntiforgeryCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Named_proxies_are_believed_with_forwarding_switched_on()
    {
        using var portal = new ConnectionAddressPortal(Proxy, new Dictionary<string, string?>(Throttled)
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        });
        var client = portal.CreateClient();

        // Two clients behind the proxy: each has its own allowance.
        for (var i = 0; i < 2 * Limit; i++)
        {
            var response = await client.SendAsync(Post("/certificates/lookup", Forged(i % 2),
                ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var https = new HttpRequestMessage(HttpMethod.Get, "/admin/sign-in");
        https.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Contains("secure", AntiforgeryCookie(await portal.CreateClient().SendAsync(https)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Named_proxies_are_not_believed_while_forwarding_is_off()
    {
        using var portal = new ConnectionAddressPortal(Proxy, new Dictionary<string, string?>(Throttled)
        {
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        });
        var client = portal.CreateClient();

        var refused = 0;
        for (var i = 0; i < 2 * Limit; i++)
        {
            var response = await client.SendAsync(Post("/certificates/lookup", Forged(i),
                ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}")));
            refused += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        Assert.Equal(Limit, refused);
    }

    [Fact]
    public void Production_refuses_to_start_with_forwarding_on_and_no_proxy_named()
    {
        using var portal = new ConnectionAddressPortal(Stranger, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
        }, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server);

        Assert.Contains("ForwardedHeaders:KnownProxies", failure.ToString(), StringComparison.Ordinal);
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Single(c => c.StartsWith("ci.af=", StringComparison.Ordinal))
            : throw new InvalidOperationException("No antiforgery cookie was set.");

    /// <summary>The portal whose every request comes from <paramref name="connectionAddress"/>.</summary>
    private sealed class ConnectionAddressPortal(
        string connectionAddress, IReadOnlyDictionary<string, string?>? settings = null, string? environment = null) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings ?? new Dictionary<string, string?>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (environment is not null)
            {
                builder.UseEnvironment(environment);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ConnectionAddress(IPAddress.Parse(connectionAddress))));
        }

        /// <summary>Runs before the portal's pipeline, as the socket's address does on Kestrel.</summary>
        private sealed class ConnectionAddress(IPAddress address) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = address;
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
