using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// The request form's SMS through the real pages: the CAPTCHA once an address has had its free codes, the caps per
/// address, and the Persian refusal when a number has had its codes. Each test is its own client address.
/// </summary>
public sealed class SmsGateTests(SmsGateTests.SmsGatePortal portal) : IClassFixture<SmsGateTests.SmsGatePortal>
{
    private HttpClient Client(string address)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add(SmsGatePortal.ClientAddressHeader, address);
        return client;
    }

    private static async Task<HttpClient> StartDraftAsync(HttpClient client)
    {
        var (response, _) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        Assert.Equal("/requests/form/applicant", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static (string, string)[] Applicant(string mobile, params (string, string)[] more) =>
    [
        ("RequesterKind", "Holder"), ("NationalCode", "0076543218"), ("FirstName", "زهرا"), ("LastName", "کریمی"),
        ("FatherName", "محمود"), ("BirthDate", "1360/02/05"), ("Gender", "Female"), ("Mobile", mobile), ("Email", ""), .. more,
    ];

    private static async Task<(string, string)> SolvedAsync(HttpClient client) =>
        ("altcha", AltchaSolver.Solve(await client.GetStringAsync("/captcha/challenge")));

    private int SmsTo(string mobile) => portal.Messages.Messages().Count(m => m.Recipient == mobile);

    private static string Summary(IDocument page) => page.QuerySelector(".error-summary")?.Text() ?? "";

    [Fact]
    public async Task Past_the_free_codes_an_address_solves_the_captcha_before_a_code_is_sent()
    {
        var first = await StartDraftAsync(Client("10.20.0.1"));
        var (sent, _) = await Forms.SubmitAsync(first, "/requests/form/applicant", "/requests/form/applicant", Applicant("09140000001"));
        Assert.Equal("/requests/form/mobile", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, SmsTo("09140000001"));

        var second = await StartDraftAsync(Client("10.20.0.1"));
        var (_, form) = await HtmlPage.GetAsync(second, "/requests/form/applicant");
        Assert.NotNull(form.QuerySelector("form[action='/requests/form/applicant'] altcha-widget"));

        var (refused, refusedPage) = await Forms.SubmitAsync(second, "/requests/form/applicant", "/requests/form/applicant", Applicant("09140000002"));
        Assert.Equal("/requests/form/applicant", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ربات نیستید", Summary(refusedPage), StringComparison.Ordinal);
        Assert.Equal("#altcha", refusedPage.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(0, SmsTo("09140000002"));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.Mobile == "09140000002")));

        var (accepted, _) = await Forms.SubmitAsync(second, "/requests/form/applicant", "/requests/form/applicant",
            Applicant("09140000002", await SolvedAsync(second)));
        Assert.Equal("/requests/form/mobile", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, SmsTo("09140000002"));
    }

    [Fact]
    public async Task The_resend_button_past_the_address_limit_says_why_and_sends_nothing()
    {
        var client = await StartDraftAsync(Client("10.20.0.2"));
        await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", Applicant("09140000003"));
        for (var i = 1; i < SmsGatePortal.MaxSendsPerClient; i++)
        {
            var (_, page) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile/send", await SolvedAsync(client));
            Assert.Contains("کد تازه به شماره شما پیامک شد", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        }

        var (response, refused) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile/send", await SolvedAsync(client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("از نشانی اینترنت شما در این مدت درخواست‌های زیادی برای فرستادن پیامک رسیده است", Summary(refused), StringComparison.Ordinal);
        Assert.Equal(SmsGatePortal.MaxSendsPerClient, SmsTo("09140000003"));
    }

    [Fact]
    public async Task An_address_that_started_too_many_drafts_is_refused_in_persian()
    {
        for (var i = 0; i < SmsGatePortal.MaxDraftsPerClient; i++)
        {
            await StartDraftAsync(Client("10.20.0.3"));
        }

        var before = await portal.WithDatabaseAsync(db => db.Requests.CountAsync());
        var (response, page) = await Forms.SubmitAsync(Client("10.20.0.3"), "/requests/new", "/requests/new");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("درخواست‌های زیادی شروع شده است", Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task A_number_that_had_its_codes_gets_none_and_the_code_page_says_why()
    {
        const string mobile = "09140000004";
        await portal.WithDatabaseAsync(async db =>
        {
            for (var sequence = 1; sequence <= 5; sequence++)
            {
                db.SmsCodeSends.Add(new SmsCodeSend { Mobile = mobile, Sequence = sequence, RequestId = 0, SentAtUtc = DateTime.UtcNow.AddMinutes(-10) });
            }

            return await db.SaveChangesAsync();
        });
        var client = await StartDraftAsync(Client("10.20.0.4"));

        var (response, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", Applicant(mobile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("به این شماره اخیراً بیش از اندازه کد فرستاده شده است؛ ۵۰ دقیقه دیگر", Summary(page), StringComparison.Ordinal);
        Assert.Equal(0, SmsTo(mobile));
    }

    [Fact]
    public async Task The_code_page_drawn_after_a_resend_knows_the_captcha_is_next_without_counting_again()
    {
        var client = await StartDraftAsync(Client("10.20.0.5"));
        await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", Applicant("09140000005"));
        var solution = await SolvedAsync(client);
        var countsBefore = portal.SendCountsAsked;

        var (_, page) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile/send", solution);

        Assert.Contains("کد تازه به شماره شما پیامک شد", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/requests/form/mobile/send'] altcha-widget"));
        Assert.Equal(2, SmsTo("09140000005"));

        // The page fetched before the post asks once; the send counts, and the page it draws uses that count.
        Assert.Equal(countsBefore + 1, portal.SendCountsAsked);
    }

    public sealed class SmsGatePortal : PortalFactory
    {
        private int sendCountsAsked;

        /// <summary>How often the codes-sent counter has been asked for a count (one Redis round trip each, with Redis).</summary>
        public int SendCountsAsked => Volatile.Read(ref sendCountsAsked);

        public const int MaxSendsPerClient = 3;
        public const int MaxDraftsPerClient = 3;
        public const string ClientAddressHeader = TestClientAddress.Header;

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Captcha:Enabled"] = "true",
            ["Captcha:Difficulty"] = "1",
            ["Captcha:Secret"] = "sms-gate-test-secret",
            ["PhoneVerification:FreeSendsPerClient"] = "1",
            ["PhoneVerification:MaxSendsPerClient"] = MaxSendsPerClient.ToString(CultureInfo.InvariantCulture),
            ["PhoneVerification:MaxDraftsPerClient"] = MaxDraftsPerClient.ToString(CultureInfo.InvariantCulture),
            ["PhoneVerification:ResendAfter"] = "00:00:00",
            ["Notifications:DispatcherEnabled"] = "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IStartupFilter, TestClientAddress>();
                services.AddSingleton<IWindowCounters>(provider => new CountingCounters(
                    new LocalWindowCounters(provider.GetRequiredService<TimeProvider>()), () => Interlocked.Increment(ref sendCountsAsked)));
            });
        }

        private sealed class CountingCounters(IWindowCounters inner, Action sendCountAsked) : IWindowCounters
        {
            public IWindowCounter Create(string name, TimeSpan window) =>
                name == "sms-sends" ? new Counting(inner.Create(name, window), sendCountAsked) : inner.Create(name, window);

            private sealed class Counting(IWindowCounter inner, Action asked) : IWindowCounter
            {
                public Task<int> CountAsync(string clientHash)
                {
                    asked();
                    return inner.CountAsync(clientHash);
                }

                public Task<int> AddAsync(string clientHash) => inner.AddAsync(clientHash);

                public Task RemoveAsync(string clientHash) => inner.RemoveAsync(clientHash);
            }
        }
    }
}
