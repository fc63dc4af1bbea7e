using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Admin;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Admin.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>/admin/agencies through the real forms: registering, the secret shown once, editing, rotation, revocation, suspension, keys.</summary>
public sealed class AgencyAdminPagesTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static (string Name, string Value)[] AgencyFields(string name, string quota = "1000", string expires = "", params string[] scopes) =>
    [
        ("Name", name), ("Kind", "Government"), ("ContactName", "مریم احمدی"), ("ContactEmail", "api@agency.example"),
        ("ContactPhone", "۰۲۱-۸۸۷۷۶۶۵۵"), ("DailyRowQuota", quota), ("ExpiresOn", expires),
        .. (scopes.Length == 0 ? ["inquiry.verify"] : scopes).Select(scope => ("Scopes", scope)),
    ];

    [Fact]
    public async Task Registering_shows_the_client_id_and_secret_once_uncached_and_the_pair_gets_a_token()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (response, created) = await Forms.SubmitAsync(admin.Client, "/admin/agencies/new", "/admin/agencies/new",
            AgencyFields("وزارت آموزش و پرورش", "۲۵۰۰", "۱۴۹۹/۱۲/۲۹", "inquiry.verify", "batch"));
        var clientId = created.QuerySelector("[data-client-id]")!.Text();
        var secret = created.QuerySelector("[data-client-secret]")!.Text();
        var agency = await portal.WithDatabaseAsync(db => db.AgencyClients.AsNoTracking().SingleAsync(c => c.ClientId == clientId));
        var token = await Tokens.RequestAsync(portal.CreateClient(), clientId, secret);
        var (_, details) = await HtmlPage.GetAsync(admin.Client, "/admin/agencies/" + Id(agency.Id));
        var (_, list) = await HtmlPage.GetAsync(admin.Client, "/admin/agencies?q=" + Uri.EscapeDataString("آموزش و پرورش"));
        var audit = Assert.Single(await portal.AuditAsync(AgencyAdministration.SubjectType, Id(agency.Id)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no redirect: nothing in an address
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.Contains(secret, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal(AgencyScopes.Verify | AgencyScopes.Batch, agency.Scopes);
        Assert.Equal(2500, agency.DailyRowQuota);
        Assert.Equal(JalaliDate.Create(1499, 12, 29), agency.ExpiresOn);
        Assert.Equal("02188776655", agency.ContactPhone);
        Assert.DoesNotContain(secret, details.DocumentElement.OuterHtml, StringComparison.Ordinal); // shown once only
        Assert.Contains(secret[..AgencySecretsHint], details.QuerySelector("[data-secrets]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"[data-agency='{clientId}']"));
        Assert.Equal("۱", list.QuerySelector($"[data-agency='{clientId}'] [data-live-secrets]")!.Text().Trim());
        Assert.Equal("agency.create", audit.Action);
        Assert.Contains(clientId, audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit.Details, StringComparison.Ordinal);
    }

    private const int AgencySecretsHint = CertificateInquiry.Web.Features.Agencies.AgencySecrets.HintLength;

    [Fact]
    public async Task The_form_names_each_problem_in_persian_and_registers_nothing()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var before = await portal.WithDatabaseAsync(db => db.AgencyClients.CountAsync());

        var (emptyResponse, empty) = await Forms.SubmitAsync(admin.Client, "/admin/agencies/new", "/admin/agencies/new",
            ("Name", ""), ("Kind", ""), ("DailyRowQuota", ""));
        var (_, wrong) = await Forms.SubmitAsync(admin.Client, "/admin/agencies/new", "/admin/agencies/new",
            ("Name", "بانک ملت"), ("Kind", "Other"), ("Scopes", "admin"), ("DailyRowQuota", "abc"), ("ExpiresOn", "1399/13/40"),
            ("ContactEmail", "not-an-address"), ("ContactPhone", "call me"));
        var (_, past) = await Forms.SubmitAsync(admin.Client, "/admin/agencies/new", "/admin/agencies/new",
            AgencyFields("بانک ملت", "0", "1400/01/01"));
        var (hugeResponse, _) = await Forms.SubmitAsync(admin.Client, "/admin/agencies/new", "/admin/agencies/new",
            AgencyFields(new string('ب', 300_000), "99999999999"));
        var (nulResponse, _) = await Forms.SubmitAsync(admin.Client, "/admin/agencies/new", "/admin/agencies/new",
            AgencyFields("بانک\0ملت"));

        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.StartsWith("خطا: ", empty.Title, StringComparison.Ordinal);
        var emptyErrors = Errors(empty);
        Assert.Contains("نام دستگاه", emptyErrors["Name"], StringComparison.Ordinal);
        Assert.Equal(AgencyInputValidator.KindRequired, emptyErrors["Kind"]);
        Assert.Equal(AgencyInputValidator.ScopesRequired, emptyErrors["Scopes"]);
        Assert.Equal(AgencyInputValidator.QuotaRequired, emptyErrors["DailyRowQuota"]);

        var wrongErrors = Errors(wrong);
        Assert.Equal(AgencyInputValidator.KindRequired, wrongErrors["Kind"]);
        Assert.Equal(AgencyInputValidator.ScopeUnknown, wrongErrors["Scopes"]);
        Assert.Equal(AgencyInputValidator.QuotaInvalid, wrongErrors["DailyRowQuota"]);
        Assert.Equal(AgencyInputValidator.ExpiryInvalid, wrongErrors["ExpiresOn"]);
        Assert.Equal(AgencyInputValidator.EmailInvalid, wrongErrors["ContactEmail"]);
        Assert.Equal(AgencyInputValidator.PhoneInvalid, wrongErrors["ContactPhone"]);
        Assert.Equal("abc", wrong.QuerySelector("input[name=DailyRowQuota]")!.GetAttribute("value"));

        var pastErrors = Errors(past);
        Assert.Equal(AgencyInputValidator.ExpiryPast, pastErrors["ExpiresOn"]);
        Assert.Equal(AgencyInputValidator.QuotaInvalid, pastErrors["DailyRowQuota"]);
        Assert.InRange((int)hugeResponse.StatusCode, 200, 499);
        Assert.InRange((int)nulResponse.StatusCode, 200, 499);
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.AgencyClients.CountAsync()));
    }

    [Fact]
    public async Task A_stale_save_from_a_second_tab_is_refused_with_a_clear_message_and_keeps_what_was_typed()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var agency = await AgencyClients.RegisterAsync(portal, name: "سازمان بهزیستی");
        var page = "/admin/agencies/" + Id(agency.AgencyId);
        var (_, firstTab) = await HtmlPage.GetAsync(admin.Client, page);
        var staleVersion = firstTab.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var (_, saved) = await SubmitAndFollowAsync(admin.Client, page, page,
            [("Version", staleVersion), .. AgencyFields("سازمان بهزیستی کشور", "2000", "", "inquiry.verify", "inquiry.person")]);
        var staleResponse = await admin.Client.PostAsync(page, new FormUrlEncodedContent(
            [.. new[] { ("Version", staleVersion), ("__RequestVerificationToken", firstTab.QuerySelector($"form[action='{page}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!) }
                .Concat(AgencyFields("سازمان بهزیستی", "3000")).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]));
        var stale = await HtmlPage.ParseAsync(staleResponse);
        var stored = await portal.WithDatabaseAsync(db => db.AgencyClients.AsNoTracking().SingleAsync(c => c.Id == agency.AgencyId));
        var audit = await portal.AuditAsync(AgencyAdministration.SubjectType, Id(agency.AgencyId));

        Assert.NotNull(saved.QuerySelector("[data-done]"));
        Assert.Equal(HttpStatusCode.OK, staleResponse.StatusCode);
        Assert.Equal(AgencyAdministration.ChangedMeanwhile, Errors(stale)[""]);
        Assert.Equal("3000", stale.QuerySelector("input[name=DailyRowQuota]")!.GetAttribute("value")); // nothing typed is lost
        Assert.NotEqual(staleVersion, stale.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        Assert.Equal(2000, stored.DailyRowQuota);
        Assert.Equal("سازمان بهزیستی کشور", stored.Name);
        Assert.Equal(AgencyScopes.Verify | AgencyScopes.Person, stored.Scopes);
        var entry = Assert.Single(audit);
        Assert.Equal("agency.update", entry.Action);
        Assert.Contains("سهمیه روزانه از «1000» به «2000»", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_secret_is_shown_once_both_work_during_the_overlap_and_a_revoked_one_stops_at_once()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var agency = await AgencyClients.RegisterAsync(portal, name: "بانک کشاورزی");
        var page = "/admin/agencies/" + Id(agency.AgencyId);
        var tokens = portal.CreateClient();

        var (issuedResponse, issued) = await Forms.SubmitAsync(admin.Client, page, page + "/secrets");
        var newSecret = issued.QuerySelector("[data-client-secret]")!.Text();
        var oldWorks = await Tokens.RequestAsync(tokens, agency.ClientId, agency.ClientSecret);
        var newWorks = await Tokens.RequestAsync(tokens, agency.ClientId, newSecret);
        var oldId = await portal.WithDatabaseAsync(db => db.AgencyClientSecrets.Where(s => s.AgencyClientId == agency.AgencyId).MinAsync(s => s.Id));
        var revokePage = $"{page}/secrets/{oldId.ToString(CultureInfo.InvariantCulture)}/revoke";
        var (_, confirm) = await HtmlPage.GetAsync(admin.Client, revokePage);
        var (_, revoked) = await SubmitAndFollowAsync(admin.Client, revokePage, revokePage);
        var oldAfter = await Tokens.RequestAsync(tokens, agency.ClientId, agency.ClientSecret);
        var newAfter = await Tokens.RequestAsync(tokens, agency.ClientId, newSecret);
        var again = await HtmlPage.ParseAsync(await Forms.PostWithTokenFromAsync(admin.Client, page, revokePage));
        var audit = await portal.AuditAsync(AgencyAdministration.SubjectType, Id(agency.AgencyId));

        Assert.Equal(HttpStatusCode.OK, issuedResponse.StatusCode);
        Assert.NotNull(issued.QuerySelector("[data-rotation]"));
        Assert.Equal(HttpStatusCode.OK, oldWorks.Status);
        Assert.Equal(HttpStatusCode.OK, newWorks.Status);
        Assert.Contains(agency.ClientSecret[..AgencySecretsHint], confirm.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(revoked.QuerySelector("[data-done]"));
        Assert.DoesNotContain(newSecret, revoked.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("invalid_client", oldAfter.Error);
        Assert.Equal(HttpStatusCode.OK, newAfter.Status);
        Assert.Equal(AgencyAdministration.NoSuchSecret, Errors(again)[""]);
        Assert.Equal(["agency.secret.issue", "agency.secret.revoke"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.DoesNotContain(newSecret, e.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_suspension_needs_a_reason_and_takes_effect_on_the_next_token_request()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var agency = await AgencyClients.RegisterAsync(portal, name: "اتاق بازرگانی");
        var page = "/admin/agencies/" + Id(agency.AgencyId);
        var tokens = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Tokens.RequestAsync(tokens, agency.ClientId, agency.ClientSecret)).Status);

        var (_, noReason) = await Forms.SubmitAsync(admin.Client, page, page + "/suspend", ("Reason", "  "));
        var (_, suspended) = await SubmitAndFollowAsync(admin.Client, page, page + "/suspend", ("Reason", "پایان قرارداد"));
        var whileSuspended = await Tokens.RequestAsync(tokens, agency.ClientId, agency.ClientSecret);
        var (_, list) = await HtmlPage.GetAsync(admin.Client, "/admin/agencies?q=" + Uri.EscapeDataString("اتاق بازرگاني"));
        var (_, reinstated) = await SubmitAndFollowAsync(admin.Client, page, page + "/reinstate");
        var afterReinstate = await Tokens.RequestAsync(tokens, agency.ClientId, agency.ClientSecret);
        var audit = await portal.AuditAsync(AgencyAdministration.SubjectType, Id(agency.AgencyId));

        Assert.Equal(SuspendAgencyInputValidator.ReasonRequired, Errors(noReason)["Reason"]);
        Assert.Contains("پایان قرارداد", suspended.QuerySelector("[data-suspension]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("invalid_client", whileSuspended.Error);
        Assert.Equal("suspended", list.QuerySelector($"[data-agency='{agency.ClientId}'] [data-agency-state]")!.GetAttribute("data-agency-state"));
        Assert.Equal("active", reinstated.QuerySelector("[data-agency-state]")!.GetAttribute("data-agency-state"));
        Assert.Equal(HttpStatusCode.OK, afterReinstate.Status);
        Assert.Equal(["agency.suspend", "agency.reinstate"], audit.Select(e => e.Action));
        Assert.Contains("پایان قرارداد", audit[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_keys_are_registered_and_listed_and_a_set_holding_a_private_key_is_refused_and_not_stored()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var agency = await AgencyClients.RegisterAsync(portal, name: "کانون کارفرمایان");
        var page = "/admin/agencies/" + Id(agency.AgencyId);
        using var keys = new AgencyKeys("kanoon-2026");

        var (privateResponse, withPrivate) = await Forms.SubmitAsync(admin.Client, page, page + "/keys", ("Jwks", keys.PrivateJwks));
        var storedAfterPrivate = await JwksAsync(agency.ClientId);
        var (_, junk) = await Forms.SubmitAsync(admin.Client, page, page + "/keys", ("Jwks", "{\"keys\": [ ۱۲ "));
        var (_, saved) = await SubmitAndFollowAsync(admin.Client, page, page + "/keys", ("Jwks", keys.PublicJwks));
        var token = await Tokens.RequestWithAssertionAsync(portal.CreateClient(), agency.ClientId, keys.Assertion(agency.ClientId, portal.Clock.GetUtcNow()));
        var audit = await portal.AuditAsync(AgencyAdministration.SubjectType, Id(agency.AgencyId));

        Assert.Equal(HttpStatusCode.OK, privateResponse.StatusCode);
        Assert.Contains("کلید خصوصی", Errors(withPrivate)["Jwks"], StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", withPrivate.DocumentElement.OuterHtml, StringComparison.Ordinal); // not sent back
        Assert.Null(storedAfterPrivate);
        Assert.Contains("JWK Set", Errors(junk)["Jwks"], StringComparison.Ordinal);
        Assert.Equal(["kanoon-2026"], saved.QuerySelectorAll("[data-key-ids] code").Select(code => code.Text()));
        Assert.True(token.Status == HttpStatusCode.OK, token.Text);
        Assert.Equal(["agency.keys"], audit.Select(e => e.Action));
    }

    [Fact]
    public async Task The_list_finds_names_typed_with_arabic_letters_and_pages_past_fifty()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        for (var i = 0; i < AgencyAdministration.PageSize + 1; i++)
        {
            await AgencyClients.RegisterAsync(portal, name: "شرکت پیمایش " + i.ToString("D2", CultureInfo.InvariantCulture));
        }

        var (_, first) = await HtmlPage.GetAsync(admin.Client, "/admin/agencies?q=" + Uri.EscapeDataString("شركت پيمايش")); // Arabic ك and ي
        var (_, second) = await HtmlPage.GetAsync(admin.Client, "/admin/agencies?q=" + Uri.EscapeDataString("شرکت پیمایش") + "&page=۲");
        var (junkResponse, _) = await HtmlPage.GetAsync(admin.Client, "/admin/agencies?q=%00" + new string('x', 5000) + "&page=-1");

        Assert.Equal(AgencyAdministration.PageSize, first.QuerySelectorAll("[data-agencies] tr[data-agency]").Length);
        Assert.Contains("۵۱ دستگاه", first.QuerySelector("[data-agency-count]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("[data-pager]"));
        Assert.Single(second.QuerySelectorAll("[data-agencies] tr[data-agency]"));
        Assert.Equal(HttpStatusCode.OK, junkResponse.StatusCode);
    }

    private Task<string?> JwksAsync(string clientId) => portal.WithDatabaseAsync(db =>
        db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientId == clientId).Select(a => a.JsonWebKeySet).SingleAsync());
}
