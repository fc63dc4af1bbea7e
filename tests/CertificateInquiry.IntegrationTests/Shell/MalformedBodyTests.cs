using System.Globalization;
using System.Net;
using System.Text;
using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>
/// Junk bodies (a NUL, a value over the form reader's 4 MB limit) on the public posts: a Persian 400, never a 500 or
/// the 404 of a failed error page, and one line in the log without a stack trace (as Serilog receives it).
/// </summary>
public sealed class MalformedBodyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string BadRequestTitle = "درخواست نادرست است";

    public static TheoryData<string, string> PublicPosts => new()
    {
        { "/certificates/lookup", "CertificateNumber=1401-08-000101&NationalCode=" },
        { "/certificates/report", "CertificateNumber=1401-08-000101&NationalCode=" },
        { "/licenses/check", "LicenseNumber=1401-08-000101&NationalCode=" },
        { "/requests/payment/callback", "Status=OK&Authority=" },
        { "/requests/track", "TrackingCode=123456789012&NationalCode=" },
    };

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static string Huge => new('1', (4 * 1024 * 1024) + 16);

    [Fact]
    public async Task A_nul_national_code_gets_400_and_one_line_in_the_log()
    {
        using var logged = new LoggedPortal();

        var response = await logged.CreateClient().PostAsync("/certificates/lookup",
            Form("CertificateNumber=1401-08-000101&NationalCode=%00"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BadRequestTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var events = logged.Events.Where(e => e.Level >= LogEventLevel.Warning && !e.RenderMessage(CultureInfo.InvariantCulture).Contains("is not set", StringComparison.Ordinal)).ToList();
        var refusal = Assert.Single(events, e => e.Level >= LogEventLevel.Warning && e.MessageTemplate.Text.Contains("Malformed", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Warning, refusal.Level);
        Assert.Null(refusal.Exception);
        var line = refusal.RenderMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("/certificates/lookup", line, StringComparison.Ordinal);
        Assert.DoesNotContain(logged.Events, e => e.Level >= LogEventLevel.Error || e.Exception is not null);
    }

    [Theory]
    [MemberData(nameof(PublicPosts))]
    public async Task A_nul_value_gets_a_persian_400(string path, string body)
    {
        var response = await portal.CreateClient().PostAsync(path, Form(body + "%00"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BadRequestTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PublicPosts))]
    public async Task A_value_over_four_megabytes_gets_a_persian_400(string path, string body)
    {
        var response = await portal.CreateClient().PostAsync(path, Form(body + Huge));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BadRequestTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_gets_400_on_any_post_not_only_the_inquiries()
    {
        var response = await portal.CreateClient().PostAsync("/admin/sign-in", Form("Email=a%40b.example&Password=" + Huge));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BadRequestTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/400", HttpStatusCode.BadRequest, BadRequestTitle)]
    [InlineData("/error/404", HttpStatusCode.NotFound, "صفحه")]
    [InlineData("/error/500", HttpStatusCode.InternalServerError, "خطایی رخ داد")]
    public async Task Error_pages_answer_whatever_the_body(string path, HttpStatusCode status, string text)
    {
        foreach (var body in new[] { "code=%00&x=%00", "x=" + Huge })
        {
            var response = await portal.CreateClient().PostAsync(path, Form(body));

            Assert.Equal(status, response.StatusCode);
            Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>The portal with every log event it writes kept in memory (Serilog reads sinks from the services).</summary>
    private sealed class LoggedPortal : PortalFactory, ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> events = new();

        public IReadOnlyList<LogEvent> Events => [.. events];

        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(this));
        }
    }
}
