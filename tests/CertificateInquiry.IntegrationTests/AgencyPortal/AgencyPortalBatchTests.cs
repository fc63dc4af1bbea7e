using System.Net;
using System.Text;
using System.Text.Json;
using CertificateInquiry.IntegrationTests.AgencyApi.Batches;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>
/// Batches on the portal (<c>/agency/batches</c>): upload, progress, results; and the second tab, the double click,
/// junk files and another agency's batch ids.
/// </summary>
public sealed class AgencyPortalBatchTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Page = "/agency/batches";

    private static byte[] Mixed() => BatchApi.Csv(true,
        "a-1,0076543218,1401-08-000101,مريم,احمدي",
        "a-2,۱۲۷۰۱۲۳۴۵۹,۱۴۰۲-۰۴-۰۰۰۱۰۲,,",
        "a-3,0076543218,1399-01-999999,,",
        "a-4,0076543219,1401-08-000101,,");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[]? file, string name = "list.csv", Dictionary<string, string>? hidden = null,
        string purpose = "judicial", string caseReference = "پرونده ۱۴۰۵/۸۸")
    {
        hidden ??= await PortalOfficers.HiddenFieldsAsync(client, Page, Page);
        return await client.PostAsync(Page, PortalOfficers.UploadForm(hidden, file, name, purpose, caseReference));
    }

    private async Task<JsonElement> WaitDoneAsync(HttpClient client, string batchPage)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(batchPage + "/progress");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var progress = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (progress.GetProperty("done").GetBoolean() || DateTime.UtcNow > deadline)
            {
                return progress;
            }

            await Task.Delay(50);
        }
    }

    private static string BatchPageOf(HttpResponseMessage response)
    {
        // The upload redirects to the batch's page (followed or not, depending on the client).
        var location = response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : response.StatusCode == HttpStatusCode.OK ? response.RequestMessage!.RequestUri!.AbsolutePath : "status " + (int)response.StatusCode;
        Assert.Matches("^/agency/batches/[0-9a-f]{32}$", location);
        return location;
    }

    private Task<int> BatchCountAsync(int agencyId) =>
        portal.WithDatabaseAsync(db => db.AgencyBatches.CountAsync(b => b.AgencyClientId == agencyId));

    [Fact]
    public async Task An_uploaded_file_is_answered_with_its_progress_shown_and_its_signed_results_downloaded()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);

        var batchPage = BatchPageOf(await UploadAsync(client, Mixed()));
        var progress = await WaitDoneAsync(client, batchPage);
        var (_, page) = await HtmlPage.GetAsync(client, batchPage);

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(100, progress.GetProperty("percent").GetInt32());
        Assert.Equal((4, 2, 1, 1), (progress.GetProperty("processed").GetInt32(), progress.GetProperty("verified").GetInt32(),
            progress.GetProperty("notFound").GetInt32(), progress.GetProperty("invalid").GetInt32()));
        Assert.Equal("100", page.QuerySelector("[data-progress-bar]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/agency-batch.']")); // fingerprinted by MapStaticAssets
        var csvLink = page.QuerySelector("[data-download='csv']")!.GetAttribute("href")!;
        var csv = await client.GetByteArrayAsync(csvLink);
        var lines = BatchApi.CsvLines(csv);
        Assert.Equal(["verified", "verified", "not_found", "invalid"], lines.Select(l => l[2]));
        var signature = await client.GetStringAsync(page.QuerySelector("[data-download='csv-jws']")!.GetAttribute("href")!);
        var check = portal.Services.GetRequiredService<AnswerSigner>().Check(signature);
        Assert.True(check.IsGenuine);
        Assert.Contains(AnswerSigner.Sha256Hex(csv), check.Payload, StringComparison.Ordinal);
        var xlsx = await client.GetAsync(page.QuerySelector("[data-download='xlsx']")!.GetAttribute("href")!);
        Assert.Equal(BatchResultWriter.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);

        var batch = await portal.WithDatabaseAsync(db => db.AgencyBatches.SingleAsync(b => b.AgencyClientId == agency.AgencyId));
        Assert.StartsWith("portal:", batch.OfficerId, StringComparison.Ordinal);
        Assert.Equal(InquiryPurpose.Judicial, batch.Purpose);
    }

    [Fact]
    public async Task A_batch_still_running_shows_its_share_answered_and_a_refresh_link_for_browsers_without_JavaScript()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await portal.WithDatabaseAsync(db =>
        {
            // Held by another server's worker for an hour, so this portal's worker leaves it as it is.
            db.AgencyBatches.Add(new AgencyBatch
            {
                Id = id, AgencyClientId = agency.AgencyId, IdempotencyKey = "running", FileSha256 = new string('0', 64), CaseReference = "c",
                OfficerId = "o", FileName = "list.csv", ClientAddressHash = "h", Status = AgencyBatchStatus.Running, Total = 10, Processed = 4,
                Verified = 3, Invalid = 1, CreatedAtUtc = DateTime.UnixEpoch, StartedAtUtc = DateTime.UnixEpoch, LeaseOwner = "elsewhere",
                LeasedUntilUtc = DateTime.MaxValue.AddYears(-1),
            });
            return db.SaveChangesAsync();
        });

        var (_, page) = await HtmlPage.GetAsync(client, Page + "/" + id);
        var progress = JsonDocument.Parse(await client.GetStringAsync(Page + "/" + id + "/progress")).RootElement;

        Assert.Equal("40", page.QuerySelector("[data-progress-bar]")!.GetAttribute("value"));
        Assert.Equal("false", page.QuerySelector("[data-batch-progress]")!.GetAttribute("data-done"));
        Assert.Equal(Page + "/" + id, page.QuerySelector("[data-refresh-link] a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-batch-results]"));
        Assert.Equal((40, false, "running"), (progress.GetProperty("percent").GetInt32(), progress.GetProperty("done").GetBoolean(), progress.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(Page + "/" + id + "/results?format=csv")).StatusCode);
    }

    [Fact]
    public async Task A_double_submit_or_the_same_form_from_a_second_tab_makes_one_batch()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);
        var hidden = await PortalOfficers.HiddenFieldsAsync(client, Page, Page);

        var first = await UploadAsync(client, Mixed(), hidden: hidden);
        var responses = await Task.WhenAll(UploadAsync(client, Mixed(), hidden: hidden), UploadAsync(client, Mixed(), hidden: hidden));

        var location = BatchPageOf(first);
        Assert.All(responses, r => Assert.Equal(location, BatchPageOf(r)));
        Assert.Equal(1, await BatchCountAsync(agency.AgencyId));

        // A new rendering of the form is a new batch.
        Assert.NotEqual(location, BatchPageOf(await UploadAsync(client, Mixed())));
    }

    [Fact]
    public async Task The_same_form_sent_again_with_another_file_is_refused_in_Persian_and_stores_nothing_new()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);
        var hidden = await PortalOfficers.HiddenFieldsAsync(client, Page, Page);
        BatchPageOf(await UploadAsync(client, Mixed(), hidden: hidden));

        var response = await UploadAsync(client, BatchApi.Csv(false, "b-1,0076543218,1401-08-000101,,"), hidden: hidden);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ParseAsync(response);
        Assert.Contains("فایل دیگری", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(hidden["IdempotencyKey"], PortalOfficers.HiddenFields(page.QuerySelector("form[data-batch-upload]")!)["IdempotencyKey"]);
        Assert.Equal(1, await BatchCountAsync(agency.AgencyId));
    }

    public static TheoryData<string, byte[], string> JunkFiles => new()
    {
        { "not_utf8", [.. Encoding.UTF8.GetBytes(BatchApi.Header + "\r\nr1,"), 0xC0, 0xAF, 0xFE, (byte)'\r', (byte)'\n'], "latin.csv" },
        { "wrong_columns", Encoding.UTF8.GetBytes("name,code\r\nx,1\r\n"), "columns.csv" },
        { "not_a_spreadsheet", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], "broken.xlsx" },
        { "too_large", Encoding.UTF8.GetBytes(BatchApi.Header + "\r\n" + new string('x', (int)BatchFileLimits.DefaultMaxBytes)), "big.csv" },
    };

    [Theory]
    [MemberData(nameof(JunkFiles))]
    public async Task A_file_that_cannot_be_read_is_a_rejected_batch_whose_page_gives_the_reason_in_Persian(string code, byte[] file, string name)
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal);

        var batchPage = BatchPageOf(await UploadAsync(client, file, name));
        var (_, page) = await HtmlPage.GetAsync(client, batchPage);

        var rejection = page.QuerySelector("[data-batch-rejection]")!;
        Assert.Equal(code, rejection.GetAttribute("data-batch-rejection"));
        Assert.Matches("[\u0600-\u06FF]", rejection.TextContent);
        Assert.Null(page.QuerySelector("[data-batch-results]"));
        Assert.Equal("true", page.QuerySelector("[data-batch-progress]")!.GetAttribute("data-done"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(batchPage + "/results?format=csv")).StatusCode);
    }

    [Fact]
    public async Task An_empty_or_missing_file_gets_a_Persian_error_on_the_form_and_makes_no_batch()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);

        var empty = await HtmlPage.ParseAsync(await UploadAsync(client, []));
        var missing = await HtmlPage.ParseAsync(await UploadAsync(client, null));

        Assert.Contains("خالی", empty.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("یک فایل CSV یا XLSX برگزینید", missing.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await BatchCountAsync(agency.AgencyId));
    }

    [Fact]
    public async Task Bad_purpose_case_references_of_five_megabytes_or_with_NUL_make_no_batch_and_no_500()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);

        var badPurpose = await UploadAsync(client, Mixed(), purpose: "=cmd|' /C calc'!A0");
        var huge = await UploadAsync(client, Mixed(), caseReference: new string('ک', 5 * 1024 * 1024));
        var nul = await UploadAsync(client, Mixed(), caseReference: "abc\0");

        Assert.Equal(HttpStatusCode.OK, badPurpose.StatusCode);
        Assert.Contains("هدف استعلام", (await HtmlPage.ParseAsync(badPurpose)).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.True((int)huge.StatusCode is 200 or 400 or 413, "got " + (int)huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(0, await BatchCountAsync(agency.AgencyId));
    }

    [Fact]
    public async Task A_batch_larger_than_the_quota_left_is_refused_in_Persian_and_nothing_is_stored()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal, quota: 1);

        var response = await UploadAsync(client, Mixed());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("سهمیه", (await HtmlPage.ParseAsync(response)).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await BatchCountAsync(agency.AgencyId));
    }

    [Fact]
    public async Task Another_agency_s_batch_id_is_a_404_on_every_page()
    {
        var (mine, _) = await PortalOfficers.SignInAsync(portal);
        var (theirs, _) = await PortalOfficers.SignInAsync(portal);
        var batchPage = BatchPageOf(await UploadAsync(mine, Mixed()));
        await WaitDoneAsync(mine, batchPage);

        foreach (var path in new[] { batchPage, batchPage + "/progress", batchPage + "/results?format=csv", batchPage + "/results.jws?format=xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(path)).StatusCode);
        }

        var (_, history) = await HtmlPage.GetAsync(theirs, Page + "?agency=1&agencyClientId=1");
        Assert.Empty(history.QuerySelectorAll("[data-batch-history] tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync(Page + "/" + new string('f', 32))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync(batchPage + "/results?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_history_lists_the_agency_s_batches_newest_first_with_Jalali_dates_and_the_templates()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal);
        var older = BatchPageOf(await UploadAsync(client, Mixed(), "older.csv"));
        var newer = BatchPageOf(await UploadAsync(client, Mixed(), "newer.csv"));

        var (_, page) = await HtmlPage.GetAsync(client, Page);

        var rows = page.QuerySelectorAll("[data-batch-history] tbody tr");
        Assert.Equal([newer[^32..], older[^32..]], rows.Select(r => r.GetAttribute("data-batch")));
        Assert.Matches("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", rows[0].QuerySelector("time")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/api/v1/batches/template.csv']"));
        Assert.NotNull(page.QuerySelector("a[href='/api/v1/batches/template.xlsx']"));
    }

    [Fact]
    public async Task An_agency_without_the_batch_scope_is_told_so_and_cannot_upload()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal, AgencyScopes.Verify);

        var (_, page) = await HtmlPage.GetAsync(client, Page);
        var token = await PortalOfficers.HiddenFieldsAsync(client, "/agency/inquiries/new", "/agency/inquiries/new");
        var response = await client.PostAsync(Page, PortalOfficers.UploadForm(
            new() { ["__RequestVerificationToken"] = token["__RequestVerificationToken"], ["IdempotencyKey"] = "k1" }, Mixed()));

        Assert.NotNull(page.QuerySelector("[data-no-batch-scope]"));
        Assert.Null(page.QuerySelector("form[data-batch-upload]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await BatchCountAsync(agency.AgencyId));
    }
}
