using System.Net;
using System.Text;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>
/// The portal's single inquiry (<c>/agency/inquiries/new</c>) as an officer uses it and as a careless or hostile one
/// tries it: the API's answer on the page, its refusals in Persian on the form, only the agency's own answers.
/// </summary>
public sealed class AgencyPortalInquiryTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Page = "/agency/inquiries/new";

    // The demo's first holder and certificate (Data/Seeding): مریم احمدی.
    private const string NationalCode = "0076543218";
    private const string Number = "1401-08-000101";

    private static string PersianDigits(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));

    private static (string, string)[] Fields(string nationalCode, string number, params (string Name, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NationalCode"] = nationalCode,
            ["CertificateNumber"] = number,
            ["Purpose"] = "employment",
            ["CaseReference"] = "پرونده ۱۴۰۵/۱۲",
        };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return [.. fields.Select(f => (f.Key, f.Value))];
    }

    [Fact]
    public async Task A_foreign_holders_12_digit_identifier_is_answered_with_its_label_and_nationality()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        // The demo's Pakistani holder (Data/Seeding): عمران خان.
        var (_, page) = await Forms.SubmitAsync(client, Page, Page, Fields(PersianDigits("700456789014"), "1404-08-000204"));

        Assert.Equal("verified", page.QuerySelector("[data-agency-answer]")!.GetAttribute("data-outcome"));
        var record = page.QuerySelector("[data-agency-answer] .record")!.TextContent;
        Assert.Contains("کد یکتای اتباع", record, StringComparison.Ordinal);
        Assert.Contains("پاکستان", record, StringComparison.Ordinal);
        Assert.DoesNotContain("کد ملی", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_sees_the_answer_as_the_API_gives_it_with_only_match_flags_and_its_signed_answer()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        // Persian digits and Arabic letters, as people type them.
        var (response, page) = await Forms.SubmitAsync(client, Page, Page,
            Fields(PersianDigits(NationalCode), PersianDigits(Number), ("FirstName", "مريم"), ("LastName", "رضایی")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = page.QuerySelector("[data-agency-answer]")!;
        Assert.Equal("verified", answer.GetAttribute("data-outcome"));
        Assert.Equal("valid", page.QuerySelector($"[data-certificate='{Number}'] [data-status]")!.GetAttribute("data-status"));
        Assert.Contains("مطابق است", page.QuerySelector("[data-name-match='first']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("مطابق نیست", page.QuerySelector("[data-name-match='last']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("احمدی", page.Body!.InnerHtml, StringComparison.Ordinal); // never the stored name

        // The signed answer verifies with the portal's keys, and its download is the same JWS.
        var jws = page.QuerySelector("[data-signed-answer]")!.TextContent.Trim();
        var check = portal.Services.GetRequiredService<AnswerSigner>().Check(jws);
        Assert.True(check.IsGenuine);
        Assert.Contains(NationalCode, check.Payload, StringComparison.Ordinal);
        var download = page.QuerySelector("[data-signed-answer-download]")!.GetAttribute("href")!;
        Assert.Equal(jws, await client.GetStringAsync(download));
        Assert.NotNull(page.QuerySelector("a[href='/answers/verify']"));
    }

    [Fact]
    public async Task Without_an_officer_number_the_audit_names_the_portal_account_and_the_channel_is_the_portal()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        var (_, page) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number));
        var inquiryId = page.QuerySelector("[data-inquiry-id]")!.TextContent.Trim();

        var entry = await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().FirstOrDefaultAsync(e => e.InquiryId == inquiryId)),
            "the portal inquiry was not audited");
        Assert.Equal(InquiryChannel.AgencyPortal, entry.Channel);
        Assert.Equal(agency.AgencyId, entry.AgencyClientId);
        Assert.StartsWith("portal:", entry.OfficerId, StringComparison.Ordinal);
        Assert.Equal("پرونده 1405/12", entry.CaseReference);
    }

    [Fact]
    public async Task A_typed_officer_number_is_kept_and_forged_context_headers_fill_nothing()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);
        client.DefaultRequestHeaders.Add("X-Inquiry-Purpose", "judicial");
        client.DefaultRequestHeaders.Add("X-Officer-Id", "forged");

        var (_, refused) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number, ("Purpose", "")));
        var (_, answered) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number, ("OfficerId", "کارشناس-۷")));

        Assert.Null(refused.QuerySelector("[data-agency-answer]"));
        Assert.Contains("هدف استعلام را بنویسید", refused.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("کارشناس-7", answered.QuerySelector("[data-agency-answer]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", answered.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_gets_Persian_errors_on_the_form_and_takes_nothing_from_the_quota()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        var (response, page) = await Forms.SubmitAsync(client, Page, Page, Fields("0076543219", "", ("Purpose", "bribery")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Contains("کد ملی", summary, StringComparison.Ordinal);
        Assert.Contains("شماره گواهینامه را وارد کنید", summary, StringComparison.Ordinal);
        Assert.Contains("هدف استعلام باید یکی از", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-error-summary] a[href='#NationalCode']"));
        Assert.Equal("0076543219", page.QuerySelector("#NationalCode")!.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.AgencyDailyUsage.AnyAsync(u => u.AgencyClientId == agency.AgencyId)));
    }

    [Fact]
    public async Task A_person_agency_may_leave_the_number_out_and_gets_every_certificate_of_the_code()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Person);

        var (_, page) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, ""));

        Assert.Equal("verified", page.QuerySelector("[data-agency-answer]")!.GetAttribute("data-outcome"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-certificate]"));
    }

    [Fact]
    public async Task A_spent_quota_is_refused_in_Persian_on_the_form()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify, quota: 1);

        var (_, first) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number));
        var (response, second) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number));

        Assert.NotNull(first.QuerySelector("[data-agency-answer]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(second.QuerySelector("[data-agency-answer]"));
        Assert.Contains("سهمیه روزانه", second.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agency_cannot_download_an_answer_by_its_inquiry_id()
    {
        var (mine, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);
        var (theirs, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);
        var (_, page) = await Forms.SubmitAsync(mine, Page, Page, Fields(NationalCode, Number));
        var download = page.QuerySelector("[data-signed-answer-download]")!.GetAttribute("href")!;

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync("/agency/inquiries/" + new string('0', 32) + ".jws")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync("/agency/inquiries/..%2f..%2fetc.jws")).StatusCode);
    }

    [Fact]
    public async Task An_agency_without_an_inquiry_scope_is_told_so_and_cannot_ask()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Batch);

        var (_, form) = await HtmlPage.GetAsync(client, Page);
        var token = await PortalOfficers.HiddenFieldsAsync(client, "/agency/batches", "/agency/batches");
        var posted = await client.PostAsync(Page, new FormUrlEncodedContent([.. Fields(NationalCode, Number).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
            new("__RequestVerificationToken", token["__RequestVerificationToken"])]));

        Assert.NotNull(form.QuerySelector("[data-no-inquiry-scope]"));
        Assert.Null(form.QuerySelector("form[data-agency-inquiry-form]"));
        Assert.Null((await HtmlPage.ParseAsync(posted)).QuerySelector("[data-agency-answer]"));
        Assert.False(await portal.WithDatabaseAsync(db => db.AgencyDailyUsage.AnyAsync(u => u.AgencyClientId == agency.AgencyId)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        var response = await client.PostAsync(Page, new FormUrlEncodedContent(Fields(NationalCode, Number).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("NationalCode")]
    [InlineData("CertificateNumber")]
    [InlineData("FirstName")]
    [InlineData("LastName")]
    [InlineData("Purpose")]
    [InlineData("CaseReference")]
    [InlineData("OfficerId")]
    public async Task A_huge_value_in_any_field_gets_a_Persian_error_and_is_not_echoed_whole(string field)
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);
        var huge = new string('1', 1024 * 1024); // under the form reader's 4 MB, over every field's own limit

        var (response, page) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number, (field, huge)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-agency-answer]"));
        Assert.NotNull(page.QuerySelector("[data-error-summary]"));
        Assert.True(page.Body!.InnerHtml.Length < 200_000, "the page echoes the huge value");
    }

    [Theory]
    [InlineData("NationalCode")]
    [InlineData("CaseReference")]
    [InlineData("OfficerId")]
    public async Task NUL_or_five_megabytes_in_a_field_is_a_400_page_never_a_500(string field)
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        var (nul, _) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number, (field, "abc\0def")));
        var (fiveMegabytes, _) = await Forms.SubmitAsync(client, Page, Page, Fields(NationalCode, Number, (field, new string('x', 5 * 1024 * 1024))));

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fiveMegabytes.StatusCode);
    }

    [Fact]
    public async Task A_suspended_agency_s_officer_is_turned_away_mid_session_and_nothing_is_asked()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);
        var hidden = await PortalOfficers.HiddenFieldsAsync(client, Page, Page);

        await AgencyClients.WithRegistryAsync(portal, registry => registry.SuspendAsync(agency.AgencyId, "آزمون", CancellationToken.None));
        var page = await client.GetAsync(Page);
        var posted = await client.PostAsync(Page, new FormUrlEncodedContent([.. Fields(NationalCode, Number).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
            new("__RequestVerificationToken", hidden["__RequestVerificationToken"])]));

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.DoesNotContain("data-agency-answer", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.AgencyDailyUsage.AnyAsync(u => u.AgencyClientId == agency.AgencyId)));
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_sees_none_of_the_pages()
    {
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in new[] { Page, "/agency/batches", "/agency/usage", "/agency/usage.csv", "/agency/batches/" + new string('a', 32) + "/progress" })
        {
            var response = await client.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        var text = Encoding.UTF8.GetString(await (await client.GetAsync("/agency/usage.csv")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("تاریخ میلادی", text, StringComparison.Ordinal);
    }
}
