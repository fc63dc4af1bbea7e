using System.Net;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>
/// Production with real providers: it refuses to start with the log SMS sender or without a real gateway unless it is
/// a staging copy, and with Kavenegar, Sep and Finnotech (their fakes) it starts, and the applicant's one-time code and
/// the status messages reach the operator.
/// </summary>
public sealed class ProductionProvidersTests : IAsyncLifetime
{
    private WebApplication fakes = null!;

    private FakeKavenegar Operator => fakes.Services.GetRequiredService<FakeKavenegar>();

    private IEnumerable<KeyValuePair<string, string>> FakeSettings => FakeProviderServer.PortalSettings(FakeProviderServer.Address(fakes));

    public async Task InitializeAsync() => fakes = await FakeProviderServer.StartAsync();

    public async Task DisposeAsync() => await fakes.DisposeAsync();

    [Fact]
    public void Production_refuses_to_start_with_the_log_sms_sender_and_no_real_gateway_and_says_what_to_set()
    {
        using var portal = new ProductionPortal(new Dictionary<string, string?> { ["Portal:StagingCopy"] = "false" });

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server).ToString();

        Assert.Contains("Sms:Provider is Log", failure, StringComparison.Ordinal);
        Assert.Contains("Payments:Gateway 'Sandbox' is not an enabled gateway", failure, StringComparison.Ordinal);
        Assert.Contains("Portal:StagingCopy", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Kavenegar_and_Sep_enabled_but_the_sandbox_chosen_Production_still_refuses_to_start()
    {
        var settings = FakeSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Portal:StagingCopy"] = "false";
        using var portal = new ProductionPortal(settings);

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server).ToString();

        Assert.DoesNotContain("Sms:Provider", failure, StringComparison.Ordinal);
        Assert.Contains("Payments:Gateway 'Sandbox' is not an enabled gateway", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staging_copy_may_run_Production_with_the_log_sender_and_the_sandbox()
    {
        using var portal = new ProductionPortal(new Dictionary<string, string?> { ["Payments:Sandbox:Enabled"] = "true" });

        Assert.NotNull(portal.Server);
    }

    [Fact]
    public async Task In_Production_the_code_goes_through_the_Kavenegar_template_status_messages_carry_a_localid_and_dev_messages_does_not_exist()
    {
        const string mobile = "09381234567";
        var settings = FakeSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Portal:StagingCopy"] = "false"; // a real server: Kavenegar, Sep and Finnotech (their fakes)
        settings["Payments:Gateway"] = "Sep";
        using var portal = new ProductionPortal(settings);
        fakes.Services.GetRequiredService<FakeFinnotech>().RegisterMobile(mobile, "0084575948"); // Shahkar confirms the number
        var client = portal.CreateClient();

        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        var (applicant, _) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0084575948"), ("FirstName", "حسین"), ("LastName", "محمدی"),
            ("FatherName", "رضا"), ("BirthDate", "1362/07/01"), ("Gender", "Male"), ("Mobile", mobile), ("Email", ""));
        Assert.Equal("/requests/form/mobile", applicant.RequestMessage!.RequestUri!.AbsolutePath);

        var code = Assert.Single(Operator.Sent, s => s.Receptor == mobile);
        Assert.Equal(FakeKavenegar.CodeTemplate, code.Template);
        Assert.Matches("^[0-9]{6}$", code.Token!);
        var (confirmed, _) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile", ("Code", PersianText.ToPersianDigits(code.Token!)));
        Assert.Equal("/requests/form/certificate", confirmed.RequestMessage!.RequestUri!.AbsolutePath);

        var ids = await portal.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var messages = Enumerable.Range(1, 2).Select(i => new CertificateInquiry.Web.Domain.OutboxMessage
            {
                Channel = CertificateInquiry.Web.Domain.NotificationChannel.Sms,
                Recipient = mobile,
                Body = "وضعیت درخواست شما تغییر کرد " + i,
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            }).ToList();
            db.Outbox.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => (m.Id, m.CreatedAtUtc)).ToList();
        });
        var statusMessages = await Poll.UntilAsync(
            () => Task.FromResult(Operator.Sent.Where(s => s.LocalId is not null && s.Receptor == mobile).ToList() is { Count: 2 } both ? both : null),
            "both status messages at the operator");
        Assert.Equal(
            ids.Select(m => KavenegarSmsSender.LocalId(CertificateInquiry.Web.Infrastructure.Notifications.IdempotencyKeys.Outbox(m.Id, m.CreatedAtUtc))).Order(StringComparer.Ordinal),
            statusMessages.Select(s => s.LocalId!).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/messages")).StatusCode);
        Assert.False(portal.LogsContain(code.Token!), "the one-time code was written to the log");
        Assert.False(portal.LogsContain(FakeKavenegar.ApiKey), "the API key was written to the log");
    }

    private sealed class ProductionPortal(IReadOnlyDictionary<string, string?> settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            foreach (var (key, value) in ProductionTestKeys.Settings(Folder).Where(s => !settings.ContainsKey(s.Key)))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
