using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>The portal as in production: the sandbox gateway switched off.</summary>
public sealed class PortalWithoutSandbox : PortalFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Payments:Sandbox:Enabled"] = "false" };
}

public sealed class SandboxSwitchedOffTests(PortalWithoutSandbox portal) : IClassFixture<PortalWithoutSandbox>
{
    private readonly PaymentJourney journey = new(portal);

    [Fact]
    public async Task The_sandbox_page_does_not_exist()
    {
        var client = journey.ClientWithoutAccess();

        var get = await client.GetAsync("/sandbox-gateway/SBX0123456789ABCDEF0123456789ABCDEF?ticket=x");
        var post = await Forms.PostWithTokenFromAsync(client, "/requests/track", "/sandbox-gateway/SBX0123456789ABCDEF0123456789ABCDEF",
            ("ticket", "x"), ("decision", "approve"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Without_a_gateway_the_pay_page_says_payment_is_not_possible_and_nothing_is_created()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);

        var (_, page) = await HtmlPage.GetAsync(client, $"/requests/{draft.Id}/pay");
        var posted = await Forms.PostWithTokenFromAsync(client, "/requests/track", $"/requests/{draft.Id}/pay");

        Assert.Equal(FeeSchedule.PaymentNotPossible, page.QuerySelector("[data-payment-unavailable]")!.Text());
        Assert.Null(page.QuerySelector($"form[action='/requests/{draft.Id}/pay']"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.NotNull((await HtmlPage.ParseAsync(posted)).QuerySelector("[data-payment-unavailable]"));
        Assert.Empty((await journey.RequestAsync(draft.Id)).Payments);
    }
}

public sealed class MissingTariffTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly PaymentJourney journey = new(portal);

    [Fact]
    public async Task Without_a_tariff_for_this_year_payment_is_refused_clearly_and_nothing_is_created()
    {
        var year = JalaliDate.YearOf(IranTime.Today(TimeProvider.System));
        await portal.WithDatabaseAsync(db => db.FeeTariffs.Where(t => t.JalaliYear == year).ExecuteDeleteAsync());
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);

        var (response, page) = await HtmlPage.GetAsync(client, $"/requests/{draft.Id}/pay");
        var posted = await Forms.PostWithTokenFromAsync(client, "/requests/track", $"/requests/{draft.Id}/pay");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FeeSchedule.PaymentNotPossible, page.QuerySelector("[data-payment-unavailable]")!.Text());
        Assert.Null(page.QuerySelector("[data-fee]"));
        Assert.NotNull((await HtmlPage.ParseAsync(posted)).QuerySelector("[data-payment-unavailable]"));
        var request = await journey.RequestAsync(draft.Id);
        Assert.Empty(request.Payments);
        Assert.Null(request.TrackingCode);
    }
}

public sealed class SandboxPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly PaymentJourney journey = new(portal);

    [Fact]
    public async Task A_sandbox_address_whose_ticket_is_forged_or_for_another_authority_is_not_found()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var page = await journey.StartToGatewayAsync(client, draft.Id);
        var authority = page["/sandbox-gateway/".Length..page.IndexOf('?', StringComparison.Ordinal)];

        var forged = await client.GetAsync($"/sandbox-gateway/{authority}?ticket=forged");
        var otherAuthority = await client.GetAsync(page.Replace(authority, "SBX" + new string('0', 32), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAuthority.StatusCode);
    }

    [Fact]
    public async Task The_sandbox_page_asks_for_the_antiforgery_token()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var page = await journey.StartToGatewayAsync(client, draft.Id);
        var ticket = Uri.UnescapeDataString(page[(page.IndexOf("ticket=", StringComparison.Ordinal) + "ticket=".Length)..]);

        var response = await client.PostAsync(page[..page.IndexOf('?', StringComparison.Ordinal)],
            new FormUrlEncodedContent([KeyValuePair.Create("ticket", ticket), KeyValuePair.Create("decision", "approve")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
