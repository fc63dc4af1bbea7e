using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>
/// <c>POST /api/v1/inquiries</c> as an agency sees it, and as a careless or hostile client tries it: every refusal is
/// problem details (never a 500), names are only compared, and each inquiry is audited with its context.
/// </summary>
public sealed class AgencyInquiryApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    // The demo's first holder and certificate (Data/Seeding): مریم احمدی.
    private const string NationalCode = "0076543218";
    private const string Number = "1401-08-000101";
    private const string PrisonNumber = "1404-22-000106";
    private const string PrisonHolder = "3712345674";

    private static string PersianDigits(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));

    [Fact]
    public async Task A_verify_client_gets_the_certificate_with_its_status_and_only_match_flags_for_the_names()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        using var response = await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number, ("firstName", "مریم"), ("lastName", "رضایی")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("verified", answer.GetProperty("outcome").GetString());
        Assert.Equal(32, answer.GetProperty("inquiryId").GetString()!.Length);
        Assert.Equal("match", answer.GetProperty("names").GetProperty("firstName").GetString());
        Assert.Equal("mismatch", answer.GetProperty("names").GetProperty("lastName").GetString());
        var certificate = Assert.Single(answer.GetProperty("certificates").EnumerateArray());
        Assert.Equal(Number, certificate.GetProperty("certificateNumber").GetString());
        Assert.Equal("valid", certificate.GetProperty("status").GetString());
        Assert.Equal("employment", answer.GetProperty("purpose").GetString());

        // The stored last name (احمدی) is never given in place of the mismatching one.
        Assert.DoesNotContain("احمدی", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_response_is_exactly_the_signed_payload_plus_its_signature_which_verifies_with_the_published_keys()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        var body = await (await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number, ("firstName", "مریم")))).Content.ReadAsStringAsync();
        var jwks = await (await portal.CreateClient().GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();

        var response = JsonNode.Parse(body)!.AsObject();
        var signed = response["signedAnswer"]!.GetValue<string>();
        response.Remove("signedAnswer");
        var payload = JsonNode.Parse(JwsVerifier.Verify(signed, jwks))!;
        Assert.True(JsonNode.DeepEquals(payload, response), "the response's fields differ from what was signed");
        Assert.Equal("verified", payload["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Persian_digits_and_Arabic_letters_are_read_as_the_public_forms_read_them()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        // Persian digits in the codes, Arabic ي in the first name, spaces and a lower-case tail in the number.
        using var response = await client.InquireAsync(AgencyApiClients.Query(
            " " + PersianDigits(NationalCode) + " ", PersianDigits(Number), ("firstName", "مريم"), ("lastName", "احمدي")));

        var answer = await response.JsonAsync();
        Assert.Equal("verified", answer.GetProperty("outcome").GetString());
        Assert.Equal(NationalCode, answer.GetProperty("nationalCode").GetString());
        Assert.Equal("match", answer.GetProperty("names").GetProperty("firstName").GetString());
        Assert.Equal("match", answer.GetProperty("names").GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task An_unknown_certificate_is_not_found_with_a_200_and_no_name_flags()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        using var response = await client.InquireAsync(AgencyApiClients.Query(NationalCode, "1399-01-999999", ("firstName", "مریم")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal("not_found", answer.GetProperty("outcome").GetString());
        Assert.Empty(answer.GetProperty("certificates").EnumerateArray());
        Assert.False(answer.TryGetProperty("names", out _));
    }

    [Fact]
    public async Task A_person_client_gets_every_certificate_of_a_national_code_and_a_verify_client_must_name_one()
    {
        var holder = await portal.WithDatabaseAsync(db => db.People.AsNoTracking()
            .Where(p => db.Certificates.Count(c => c.PersonId == p.Id) > 1)
            .Select(p => new { p.NationalCode, Numbers = db.Certificates.Where(c => c.PersonId == p.Id).Select(c => c.Number).ToList() })
            .FirstAsync());
        var person = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Person);
        var verify = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        var answer = await (await person.InquireAsync(AgencyApiClients.Query(holder.NationalCode, null, ("purpose", "judicial")))).JsonAsync();
        Assert.Equal("verified", answer.GetProperty("outcome").GetString());
        Assert.Equal(
            holder.Numbers.Order(StringComparer.Ordinal),
            answer.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("certificateNumber").GetString()!).Order(StringComparer.Ordinal));

        using var refused = await verify.InquireAsync(AgencyApiClients.Query(holder.NationalCode, null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("missing_certificate_number", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Revoked_and_expired_certificates_say_so()
    {
        var revoked = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Revoked).Select(c => new { c.Number, c.Person!.NationalCode }).FirstAsync());
        var today = DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(20_700)); // 2026-09: the demo data's expired licenses end before it
        var expired = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Valid && c.ExpiryDate != null && c.ExpiryDate < today)
            .Select(c => new { c.Number, c.Person!.NationalCode }).FirstAsync());
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        var revokedAnswer = await (await client.InquireAsync(AgencyApiClients.Query(revoked.NationalCode, revoked.Number))).JsonAsync();
        var expiredAnswer = await (await client.InquireAsync(AgencyApiClients.Query(expired.NationalCode, expired.Number))).JsonAsync();

        Assert.Equal("revoked", revokedAnswer.GetProperty("certificates")[0].GetProperty("status").GetString());
        Assert.Equal("expired", expiredAnswer.GetProperty("certificates")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_prison_certificate_is_verified_without_its_program_or_training_place()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify | AgencyScopes.Person);

        var body = await (await client.InquireAsync(AgencyApiClients.Query(PrisonHolder, null))).Content.ReadAsStringAsync();

        Assert.Contains(PrisonNumber, body, StringComparison.Ordinal);
        Assert.Contains("اداره کل آموزش فنی و حرفه‌ای استان کرمانشاه", body, StringComparison.Ordinal);
        foreach (var word in new[] { "زندان", "کارگاه", "Judiciary", "قضا" })
        {
            Assert.DoesNotContain(word, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_token_or_with_a_forged_one_the_answer_is_401_problem_details()
    {
        var anonymous = portal.CreateClient();
        using var missing = await anonymous.InquireAsync(AgencyApiClients.Query(NationalCode, Number));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);

        var forged = portal.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4IiwiYWdlbmN5X2lkIjoxLCJzY29wZSI6ImlucXVpcnkudmVyaWZ5In0.");
        using var refused = await forged.InquireAsync(AgencyApiClients.Query(NationalCode, Number));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("titleFa").GetString()));

        // A staff member's signed-in browser is no way in either: the API reads bearer tokens only.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/inquiries")
        {
            Content = JsonContent(AgencyApiClients.Query(NationalCode, Number)),
            Headers = { { "Cookie", ".AspNetCore.Identity.Application=forged" } },
        })).StatusCode);
    }

    [Fact]
    public async Task A_token_without_an_inquiry_scope_gets_403()
    {
        var batchOnly = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch);

        using var response = await batchOnly.InquireAsync(AgencyApiClients.Query(NationalCode, Number));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_suspended_agency_s_live_token_stops_working_at_once()
    {
        var client = portal.CreateClient();
        var credentials = await AgencyApiClients.RegisterAsync(portal, AgencyScopes.Verify);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(client, credentials));
        Assert.Equal(HttpStatusCode.OK, (await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number))).StatusCode);

        await portal.WithServicesAsync(services => services.GetRequiredService<AgencyRegistry>().SuspendAsync(credentials.AgencyId, "آزمایش", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number))).StatusCode);
    }

    [Fact]
    public async Task Every_field_that_is_wrong_is_named_with_a_code_and_a_Persian_message()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        using var response = await client.InquireAsync(new Dictionary<string, object?>
        {
            ["nationalCode"] = "0076543219",
            ["certificateNumber"] = "<script>",
            ["firstName"] = "=HYPERLINK(\"x\")",
            ["purpose"] = "curiosity",
            ["caseReference"] = new string('x', 65),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        var codes = problem.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("code").GetString()!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nationalCode"] = "invalid_national_code",
            ["certificateNumber"] = "invalid_certificate_number",
            ["firstName"] = "invalid_name",
            ["purpose"] = "invalid_purpose",
            ["caseReference"] = "field_too_long",
            ["officerId"] = "missing_officer_id",
        }, codes);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.Matches("[\u0600-\u06FF]", e.GetProperty("message").GetString()!));
        Assert.Equal("درخواست درست نیست.", problem.GetProperty("titleFa").GetString());
    }

    [Theory]
    [InlineData("{\"nationalCode\": 76543218}", "application/json", 400)]
    [InlineData("[1, 2, 3]", "application/json", 400)]
    [InlineData("{\"nationalCode\": \"0076543218\"", "application/json", 400)]
    [InlineData("null", "application/json", 400)]
    [InlineData("{\"nationalCode\": \"\\u0000\\u0000\"}", "application/json", 400)]
    [InlineData("\0\0\0\0", "application/json", 400)]
    [InlineData("nationalCode=0076543218", "application/x-www-form-urlencoded", 415)]
    [InlineData("<xml/>", "text/xml", 415)]
    public async Task Junk_bodies_get_problem_details_never_a_500(string body, string contentType, int status)
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        using var response = await client.PostAsync("/api/v1/inquiries", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(status, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_body_with_a_byte_order_mark_or_padded_to_the_limit_is_read_and_one_byte_more_sent_chunked_is_too_large()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);
        var json = JsonSerializer.Serialize(new
        {
            nationalCode = NationalCode, certificateNumber = Number, purpose = "employment", caseReference = "1405/1", officerId = "o-1",
        });
        var atLimit = json + new string(' ', CertificateInquiry.Web.Features.AgencyApi.InquiriesController.MaxBodyBytes - json.Length);

        using var withMark = await client.PostAsync("/api/v1/inquiries", Body([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)], chunked: false));
        using var padded = await client.PostAsync("/api/v1/inquiries", Body(Encoding.UTF8.GetBytes(atLimit), chunked: true));
        using var over = await client.PostAsync("/api/v1/inquiries", Body(Encoding.UTF8.GetBytes(atLimit + " "), chunked: true));

        Assert.Equal("verified", (await withMark.JsonAsync()).GetProperty("outcome").GetString());
        Assert.Equal("verified", (await padded.JsonAsync()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType!.MediaType);

        static HttpContent Body(byte[] bytes, bool chunked)
        {
            // A stream of unknown length goes out chunked: no Content-Length for the server to refuse it by.
            HttpContent content = chunked ? new StreamContent(new UnseekableStream(bytes)) : new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/json");
            return content;
        }
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task A_five_megabyte_body_is_refused_as_too_large()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);

        using var response = await client.InquireAsync(AgencyApiClients.Query(new string('۱', 5_000_000), Number));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_daily_quota_counts_answered_rows_only_and_then_answers_429_with_Retry_After()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify, quota: 3);

        // Invalid input takes nothing from the quota.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.InquireAsync(AgencyApiClients.Query("123", Number))).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number))).StatusCode);
        }

        using var refused = await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task The_purpose_case_reference_and_officer_may_come_in_headers()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inquiries")
        {
            Content = JsonContent(new { nationalCode = NationalCode, certificateNumber = Number }),
        };
        request.Headers.Add("X-Inquiry-Purpose", "licensing");
        request.Headers.Add("X-Case-Reference", "HDR-9");
        request.Headers.Add("X-Officer-Id", "hdr-officer");

        var answer = await (await client.SendAsync(request)).JsonAsync();

        Assert.Equal("licensing", answer.GetProperty("purpose").GetString());
        Assert.Equal("HDR-9", answer.GetProperty("caseReference").GetString());
        Assert.Equal("hdr-officer", answer.GetProperty("officerId").GetString());
    }

    [Fact]
    public async Task Each_inquiry_is_audited_with_the_agency_its_context_and_a_hash_of_the_national_code_never_the_code()
    {
        var client = portal.CreateClient();
        var credentials = await AgencyApiClients.RegisterAsync(portal, AgencyScopes.Verify);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(client, credentials));

        var answer = await (await client.InquireAsync(AgencyApiClients.Query(NationalCode, Number, ("caseReference", "پرونده ۴۴"), ("officerId", "افسر ۷")))).JsonAsync();
        await client.InquireAsync(AgencyApiClients.Query("123", Number));

        var entries = await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().Where(e => e.AgencyClientId == credentials.AgencyId).OrderBy(e => e.Id).ToListAsync()),
            found => found.Count >= 2,
            "the agency's inquiries were not audited");
        var answered = entries[0];
        Assert.Equal(InquiryChannel.AgencyApi, answered.Channel);
        Assert.Equal(InquiryOutcome.Match, answered.Outcome);
        Assert.Equal(InquiryPurpose.Employment, answered.Purpose);
        Assert.Equal("پرونده 44", answered.CaseReference);
        Assert.Equal("افسر 7", answered.OfficerId);
        Assert.Equal(answer.GetProperty("inquiryId").GetString(), answered.InquiryId);
        Assert.Equal(portal.Services.GetRequiredService<InquiryAudit>().HashNationalCode(NationalCode), answered.NationalCodeHash);
        Assert.NotNull(answered.CertificateId);
        Assert.Equal(InquiryOutcome.Invalid, entries[1].Outcome);

        var stored = await portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().Where(e => e.AgencyClientId == credentials.AgencyId)
            .Select(e => e.NationalCodeHash + e.CaseReference + e.OfficerId + e.InquiryId).ToListAsync());
        Assert.DoesNotContain(stored, text => text.Contains(NationalCode, StringComparison.Ordinal));
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
