using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CertificateInquiry.IntegrationTests.AgencyApi.Batches;

/// <summary>
/// <c>/api/v1/batches</c> as an agency uses it and as a careless or hostile client tries it: exact outcomes for every
/// row of CSV and XLSX files, signed results, idempotency, whole-file rejections, junk forms, scopes, another agency's
/// batch, the quota and the audit.
/// </summary>
public class BatchApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private static string PersianDigits(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));

    // row_id, national_code, certificate_number, first_name, last_name, and the outcome and reason each must get.
    private static readonly (string[] Cells, string Outcome, string Reason)[] Mixed =
    [
        (["a-1", "0076543218", "1401-08-000101", "مريم", "احمدي"], "verified", ""),               // Arabic ي
        (["a-2", PersianDigits("1270123459"), PersianDigits("1402-04-000102"), "", ""], "verified", ""), // Persian digits
        (["a-3", "0076543218", "1399-01-999999", "", ""], "not_found", ""),
        (["a-4", "0076543219", "1401-08-000101", "", ""], "invalid", "invalid_national_code"),
        (["a-5", "۰۰۷۶۵۴۳۲۱۸", "1401-08-000101", "", ""], "invalid", "duplicate_row"),              // a-1 again, in Persian digits
        (["a-1", "2280765438", "1395-17-000103", "", ""], "invalid", "duplicate_row_id"),
        (["a-7", "2280765438", "", "", ""], "invalid", "missing_certificate_number"),
        (["", "2280765438", "1395-17-000103", "", ""], "invalid", "missing_row_id"),
        (["a-9", "2280765438", "1395-17-000103", "حسين", "كريمي"], "verified", ""),             // Arabic ي and ك
    ];

    private static string[] CsvLinesOf(IEnumerable<string[]> rows) => [.. rows.Select(cells => string.Join(',', cells))];

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_csv_batch_with_or_without_BOM_gives_every_row_its_exact_outcome_and_a_signature_that_verifies(bool bom)
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);

        var (location, batch) = await client.RunAsync(BatchApi.Csv(bom, CsvLinesOf(Mixed.Select(m => m.Cells))), "mixed.csv");

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        var counts = batch.GetProperty("counts");
        Assert.Equal(Mixed.Length, counts.GetProperty("total").GetInt32());
        Assert.Equal(Mixed.Length, counts.GetProperty("processed").GetInt32());
        Assert.Equal(3, counts.GetProperty("verified").GetInt32());
        Assert.Equal(1, counts.GetProperty("notFound").GetInt32());
        Assert.Equal(5, counts.GetProperty("invalid").GetInt32());

        var results = await client.GetByteArrayAsync(location + "/results?format=csv");
        var lines = BatchApi.CsvLines(results);
        Assert.Equal(Mixed.Length, lines.Count);
        for (var i = 0; i < Mixed.Length; i++)
        {
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), lines[i][1]);
            Assert.Equal(Mixed[i].Outcome, lines[i][2]);
            Assert.Equal(Mixed[i].Reason, lines[i][3]);
        }

        Assert.Equal(["a-1", "a-2", "a-3", "a-4", "a-5", "a-1", "a-7", "", "a-9"], lines.Select(l => l[0]));
        Assert.Equal(["valid", "1401-08-000101", "certificate", "match", "match", "match"], lines[0][4..10]);
        Assert.Equal(["1402-04-000102", "license", "not_supplied"], lines[1][5..8]);
        Assert.Equal("1395-17-000103", lines[8][5]);
        Assert.Equal("match", lines[8][7]);
        Assert.DoesNotContain("احمدی", Encoding.UTF8.GetString(results), StringComparison.Ordinal); // never the stored names

        await AssertSignedAsync(client, location, "csv", results);
        Assert.Equal(results, await client.GetByteArrayAsync(location + "/results?format=csv")); // the same bytes every time
    }

    [SkippableFact]
    public async Task An_xlsx_batch_gives_every_row_its_exact_outcome_and_a_signed_workbook()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch);

        var (location, batch) = await client.RunAsync(BatchApi.Xlsx([.. Mixed.Select(m => m.Cells)]), "mixed.xlsx");

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.Equal("xlsx", batch.GetProperty("format").GetString());
        var workbook = await client.GetByteArrayAsync(location + "/results?format=xlsx");
        var rows = new MemoryStream(workbook).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Mixed.Length, rows.Count);
        for (var i = 0; i < Mixed.Length; i++)
        {
            Assert.Equal(i + 1, Convert.ToInt32(rows[i]["row_number"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Mixed[i].Outcome, rows[i]["outcome"]);
            Assert.Equal(Mixed[i].Reason, rows[i]["reason"] as string ?? "");
            Assert.Equal(Mixed[i].Cells[0], rows[i]["row_id"] as string ?? "");
        }

        await AssertSignedAsync(client, location, "xlsx", workbook);
        Assert.Equal(workbook, await client.GetByteArrayAsync(location + "/results?format=xlsx"));

        // The CSV of the same batch is its own file, signed on its own.
        var csv = await client.GetByteArrayAsync(location + "/results?format=csv");
        await AssertSignedAsync(client, location, "csv", csv);
    }

    [SkippableFact]
    public async Task A_person_client_gets_one_line_per_certificate_for_a_row_without_a_number()
    {
        var holder = await portal.WithDatabaseAsync(db => db.People.AsNoTracking()
            .Where(p => db.Certificates.Count(c => c.PersonId == p.Id) > 1)
            .Select(p => new { p.NationalCode, Numbers = db.Certificates.Where(c => c.PersonId == p.Id).Select(c => c.Number).ToList() })
            .FirstAsync());
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Person);

        var (location, batch) = await client.RunAsync(
            BatchApi.Csv(true, "p-1," + holder.NationalCode + ",,,", "p-2,0076543218,1401-08-000101,,", "p-3,0076543218,1399-01-999999,,"), "person.csv");

        Assert.Equal(3, batch.GetProperty("counts").GetProperty("total").GetInt32());
        var lines = BatchApi.CsvLines(await client.GetByteArrayAsync(location + "/results?format=csv"));
        Assert.Equal(holder.Numbers.Count + 2, lines.Count);
        var first = lines.Take(holder.Numbers.Count).ToList();
        Assert.All(first, line => Assert.Equal(["p-1", "1", "verified"], line[..3]));
        Assert.Equal(holder.Numbers.Order(StringComparer.Ordinal), first.Select(line => line[5]).Order(StringComparer.Ordinal));
        Assert.Equal(["p-2", "2", "verified"], lines[^2][..3]);
        Assert.Equal(["p-3", "3", "not_found"], lines[^1][..3]);
    }

    [SkippableFact]
    public async Task The_same_key_with_the_same_file_returns_the_same_batch_and_with_another_file_a_422()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var file = BatchApi.Csv(true, "k-1,0076543218,1401-08-000101,,");
        var key = "key-" + Guid.NewGuid().ToString("N");

        using var first = await client.UploadAsync(file, "a.csv", key);
        using var again = await client.UploadAsync(file, "a.csv", key);
        using var other = await client.UploadAsync(BatchApi.Csv(true, "k-2,0076543218,1401-08-000101,,"), "a.csv", key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        var batches = await portal.WithDatabaseAsync(db => db.AgencyBatches.CountAsync(b => b.IdempotencyKey == key));
        Assert.Equal(1, batches);
    }

    [SkippableFact]
    public async Task Simultaneous_uploads_with_one_key_make_one_batch()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var file = BatchApi.Csv(false, [.. Enumerable.Range(1, 200).Select(i => $"c-{i},0076543218,1401-08-000101,,")]);
        var key = "same-" + Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.UploadAsync(file, "same.csv", key)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.AgencyBatches.CountAsync(b => b.IdempotencyKey == key)));
        var id = responses[0].Headers.Location!.OriginalString["/api/v1/batches/".Length..];
        Assert.Equal(200, await portal.WithDatabaseAsync(db => db.AgencyBatchRows.CountAsync(r => r.BatchId == id)));
    }

    public static TheoryData<string, byte[], string> Unreadable => new()
    {
        { "wrong_columns", Encoding.UTF8.GetBytes("id,code,number\r\n1,0076543218,1401-08-000101\r\n"), "cols.csv" },
        { "not_utf8", [.. Encoding.UTF8.GetBytes(BatchApi.Header + "\r\nr-1,0076543218,1401-08-000101,"), 0xE3, 0xD1, 0xED, 0xE3, (byte)',', (byte)'\r', (byte)'\n'], "cp1256.csv" },
        { "not_a_spreadsheet", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0x01, 0x02], "report.csv" },
        { "too_many_rows", BatchApi.Csv(false, [.. Enumerable.Range(1, 100_001).Select(i => "r" + i + ",0076543218,,,")]), "big.csv" },
    };

    [SkippableTheory]
    [MemberData(nameof(Unreadable))]
    public async Task A_file_that_cannot_be_read_as_a_whole_is_a_rejected_batch_with_its_reason(string code, byte[] file, string name)
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify, quota: 1);

        using var response = await client.UploadAsync(file, name);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batch = await client.WaitAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("rejected", batch.GetProperty("status").GetString());
        Assert.Equal(code, batch.GetProperty("rejection").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(batch.GetProperty("rejection").GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(batch.GetProperty("rejection").GetProperty("messageEn").GetString()));
        using var results = await client.GetAsync(response.Headers.Location!.OriginalString + "/results?format=csv");
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
    }

    public static TheoryData<string, int> Junk => new()
    {
        { "no-key", 400 },
        { "long-key", 400 },
        { "json", 415 },
        { "no-file", 400 },
        { "two-files", 400 },
        { "huge-purpose", 400 },
        { "nul-officer", 400 },
        { "no-purpose", 400 },
        { "broken-multipart", 400 },
    };

    [SkippableTheory]
    [MemberData(nameof(Junk))]
    public async Task Junk_uploads_get_a_problem_and_store_nothing(string kind, int status)
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var file = BatchApi.Csv(true, "j-1,0076543218,1401-08-000101,,");
        var key = Guid.NewGuid().ToString("N");
        MultipartFormDataContent Fields(params (string Name, string Value)[] fields)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                form.Add(new StringContent(value), name);
            }

            return form;
        }

        HttpContent content = BatchApi.Form(file, "j.csv");
        switch (kind)
        {
            case "no-key": key = null!; break;
            case "long-key": key = new string('k', 65); break;
            case "json": content = new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json"); break;
            case "no-file": content = Fields(("purpose", "judicial"), ("caseReference", "c"), ("officerId", "o")); break;
            case "two-files":
                var two = BatchApi.Form(file, "j.csv");
                two.Add(new ByteArrayContent(file), "file", "k.csv");
                content = two;
                break;
            case "huge-purpose":
                var huge = BatchApi.Form(file, "j.csv");
                huge.Add(new StringContent(new string('x', 5 * 1024 * 1024)), "note");
                content = huge;
                break;
            case "nul-officer":
                var nul = new MultipartFormDataContent();
                nul.Add(new ByteArrayContent(file), "file", "j.csv");
                nul.Add(new StringContent("judicial"), "purpose");
                nul.Add(new StringContent("c-1"), "caseReference");
                nul.Add(new StringContent("off\0icer"), "officerId");
                content = nul;
                break;
            case "no-purpose":
                var none = new MultipartFormDataContent();
                none.Add(new ByteArrayContent(file), "file", "j.csv");
                content = none;
                break;
            case "broken-multipart":
                content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"));
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
                break;
        }

        using var response = await client.SendAsync(BatchApi.Upload(content, key));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (key is not null)
        {
            Assert.Equal(0, await portal.WithDatabaseAsync(db => db.AgencyBatches.CountAsync(b => b.IdempotencyKey == key)));
        }
    }

    [SkippableFact]
    public async Task A_client_without_the_batch_scope_is_refused_and_another_agency_cannot_see_a_batch()
    {
        var owner = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var stranger = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var verifyOnly = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);
        var (location, _) = await owner.RunAsync(BatchApi.Csv(true, "s-1,0076543218,1401-08-000101,,"), "s.csv");

        using var refused = await verifyOnly.UploadAsync(BatchApi.Csv(true, "s-1,0076543218,1401-08-000101,,"), "s.csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifyOnly.GetAsync(location)).StatusCode);
        foreach (var path in new[] { location, location + "/results?format=csv", location + "/results.jws?format=csv" })
        {
            using var response = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var list = JsonDocument.Parse(await stranger.GetStringAsync("/api/v1/batches")).RootElement;
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var mine = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/batches")).RootElement;
        Assert.Equal(location, mine.GetProperty("batches")[0].GetProperty("links").GetProperty("self").GetString());
    }

    [SkippableFact]
    public async Task A_batch_with_more_valid_rows_than_the_quota_leaves_is_refused_with_429_and_nothing_stored()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify, quota: 2);
        var key = Guid.NewGuid().ToString("N");

        // Three valid rows and any number of invalid ones: only the valid ones count.
        using var refused = await client.UploadAsync(
            BatchApi.Csv(true, "q-1,0076543218,1401-08-000101,,", "q-2,1270123459,1402-04-000102,,", "q-3,2280765438,1395-17-000103,,"), "q.csv", key);
        using var accepted = await client.UploadAsync(
            BatchApi.Csv(true, "q-1,0076543218,1401-08-000101,,", "q-2,1270123459,1402-04-000102,,", "q-3,bad,,,", "q-4,,,,"), "q.csv");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.AgencyBatches.CountAsync(b => b.IdempotencyKey == key)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [SkippableFact]
    public async Task Every_batch_row_is_audited_once_with_the_agency_purpose_case_and_officer()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var (location, _) = await client.RunAsync(BatchApi.Csv(true, CsvLinesOf(Mixed.Select(m => m.Cells))), "audit.csv");
        var id = location[(location.LastIndexOf('/') + 1)..];

        var entries = await portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().Where(e => e.InquiryId!.StartsWith(id)).ToListAsync());

        Assert.Equal(Mixed.Length, entries.Count);
        Assert.Equal(Mixed.Length, entries.Select(e => e.InquiryId).Distinct().Count());
        Assert.All(entries, e =>
        {
            Assert.Equal(InquiryChannel.AgencyBatch, e.Channel);
            Assert.NotNull(e.AgencyClientId);
            Assert.Equal(InquiryPurpose.Judicial, e.Purpose);
            Assert.Equal("پرونده 1405/77", e.CaseReference);
            Assert.Equal("officer-9", e.OfficerId);
        });
        Assert.Equal(3, entries.Count(e => e.Outcome == InquiryOutcome.Match));
        Assert.Equal(1, entries.Count(e => e.Outcome == InquiryOutcome.Miss));
        Assert.Equal(5, entries.Count(e => e.Outcome == InquiryOutcome.Invalid));
        Assert.All(entries.Where(e => e.Outcome != InquiryOutcome.Invalid), e => Assert.Equal(32, e.NationalCodeHash!.Length));
    }

    [SkippableFact]
    public async Task Results_are_refused_until_the_batch_is_completed_and_formats_are_checked()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        var (location, _) = await client.RunAsync(BatchApi.Csv(true, "f-1,0076543218,1401-08-000101,,"), "f.csv");

        using var pdf = await client.GetAsync(location + "/results?format=pdf");
        using var unknown = await client.GetAsync("/api/v1/batches/" + new string('a', 32));
        using var junk = await client.GetAsync("/api/v1/batches/..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);
    }

    [SkippableFact]
    public async Task The_OpenAPI_document_describes_the_multipart_upload_and_its_Idempotency_Key_header()
    {
        var document = JsonDocument.Parse(await portal.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        var post = paths.GetProperty("/api/v1/batches").GetProperty("post");
        var form = post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        Assert.True(form.GetProperty("schema").ToString().Contains("binary", StringComparison.Ordinal), form.ToString());
        var header = Assert.Single(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", header.GetProperty("in").GetString());
        foreach (var status in new[] { "202", "400", "413", "415", "422", "401", "403", "429" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"status {status} is not documented");
        }

        Assert.Equal(["batch"], post.GetProperty("security")[0].GetProperty("agencyOAuth").EnumerateArray().Select(s => s.GetString()));
        Assert.True(paths.TryGetProperty("/api/v1/batches/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/batches/{id}/results", out _));
        Assert.True(paths.TryGetProperty("/api/v1/batches/{id}/results.jws", out _));
    }

    private async Task AssertSignedAsync(HttpClient client, string location, string format, byte[] file)
    {
        var jws = await client.GetStringAsync(location + "/results.jws?format=" + format);
        var jwks = await portal.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var payload = JsonDocument.Parse(JwsVerifier.Verify(jws, jwks)).RootElement;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), payload.GetProperty("sha256").GetString());
        Assert.Equal(file.Length, payload.GetProperty("size").GetInt32());
        Assert.Equal(location[(location.LastIndexOf('/') + 1)..], payload.GetProperty("batchId").GetString());
    }

    public sealed class PostgreSql(PostgreSqlDemoPortalFactory portal)
        : BatchApiTests(PostgreSqlVariant.Of<DemoPortalFactory>(portal)), IClassFixture<PostgreSqlDemoPortalFactory>;
}
