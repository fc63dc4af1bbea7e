using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.IntegrationTests.AnswerVerification;

/// <summary>
/// /answers/verify: anyone pastes a signed answer and is told plainly whether this portal issued it. The adversary
/// pastes forgeries (a changed payload, another key, alg none), junk (NUL bytes, other scripts, megabytes) and posts
/// from a script: each gets a clear Persian answer, never a 500 and never "genuine".
/// </summary>
public sealed class AnswerVerificationPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Answer = "{\"certificate\":\"1402-04-000102\",\"holder\":\"مریم رضائی\",\"status\":\"معتبر\"}";

    private AnswerSigner Signer => portal.Services.GetRequiredService<AnswerSigner>();

    [Fact]
    public async Task The_page_is_persian_right_to_left_and_has_one_form()
    {
        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/answers/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("بررسی اصالت پاسخ امضاشده", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("form[action='/answers/verify'] textarea[name='SignedAnswer'][dir='ltr']"));
    }

    [Fact]
    public async Task A_genuine_answer_is_said_genuine_with_its_key_time_and_readable_content()
    {
        var jws = Signer.Sign(Answer);

        var (response, page) = await PostAsync("\n" + jws[..40] + "\r\n" + jws[40..] + "  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = page.QuerySelector("section.lookup-result")!;
        Assert.Contains("اصیل است", result.Text(), StringComparison.Ordinal);
        Assert.Contains(Signer.CurrentKeyId, result.Text(), StringComparison.Ordinal);
        Assert.Contains("کلید فعلی", result.Text(), StringComparison.Ordinal);
        Assert.Contains("\"holder\": \"مریم رضائی\"", page.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Matches("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", result.Text());
        Assert.Equal("پاسخ امضاشده اصیل است | ", page.Title![..24]);
    }

    [Fact]
    public async Task A_changed_payload_is_not_genuine_and_its_content_is_not_shown()
    {
        var parts = Signer.Sign(Answer).Split('.');
        var forged = parts[0] + "." + Base64UrlEncoder.Encode(Answer.Replace("معتبر", "باطل", StringComparison.Ordinal)) + "." + parts[2];

        var (response, page) = await PostAsync(forged);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(page, "تغییر کرده یا ساختگی");
        Assert.Null(page.QuerySelector("pre"));
    }

    [Fact]
    public async Task An_answer_signed_by_another_key_is_not_genuine()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ring = new AnswerKeyRing([AnswerSigningKey.From(ECDsa.Create(otherKey.ExportParameters(true)), AnswerKeyStatus.Current)]);

        var (response, page) = await PostAsync(new AnswerSigner(ring, TimeProvider.System).Sign(Answer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(page, "از کلیدهای این سامانه نیست");
    }

    [Fact]
    public async Task An_unsigned_answer_with_alg_none_is_not_genuine()
    {
        var header = "{\"alg\":\"none\",\"kid\":\"" + Signer.CurrentKeyId + "\",\"typ\":\"tvto-answer+jws\"}";

        var (response, page) = await PostAsync(Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(Answer) + ".");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(page, "روشی امضا شده است که این سامانه به کار نمی‌برد");
    }

    [Theory]
    [InlineData("سلام، این یک پاسخ است")]
    [InlineData("۱۲۳.۴۵۶.٧٨٩")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.AAAA")]
    [InlineData("W10.e30.AAAA")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Junk_gets_a_clear_persian_message(string junk)
    {
        var (response, page) = await PostAsync(junk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("section.lookup-miss"));
        Assert.Null(page.QuerySelector("section.lookup-result"));
    }

    [Fact]
    public async Task Random_base64_of_a_megabyte_gets_a_clear_message_not_an_error()
    {
        var (response, page) = await PostAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(750_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("بیش از اندازه بلند", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelector("textarea")!.TextContent); // a megabyte is not sent back
    }

    [Fact]
    public async Task An_empty_paste_asks_for_the_text()
    {
        var (response, page) = await PostAsync("   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("متن پاسخ امضاشده را وارد کنید", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nul_bytes_and_five_megabytes_are_refused_as_bad_requests_never_a_500()
    {
        var client = portal.CreateClient();
        var nul = await Forms.PostWithTokenFromAsync(client, "/answers/verify", "/answers/verify", ("SignedAnswer", Signer.Sign(Answer) + "\0"));
        var huge = await Forms.PostWithTokenFromAsync(client, "/answers/verify", "/answers/verify", ("SignedAnswer", new string('A', 5 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.True((int)huge.StatusCode is 200 or 400 or 413, $"5 MB got {(int)huge.StatusCode}");
        Assert.Contains("<html", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_pages_form_token_is_refused()
    {
        var response = await portal.CreateClient().PostAsync("/answers/verify",
            new FormUrlEncodedContent([new("SignedAnswer", Signer.Sign(Answer))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(string signedAnswer) =>
        await Forms.SubmitAsync(portal.CreateClient(), "/answers/verify", "/answers/verify", ("SignedAnswer", signedAnswer));

    private static void AssertRefused(IDocument page, string reason)
    {
        var refusal = page.QuerySelector("section.lookup-miss")!;
        Assert.Contains("اصالت این متن تأیید نشد", refusal.Text(), StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("section.lookup-result"));
    }
}

/// <summary>The verify page counts against the same per-address limit as the other public inquiry forms.</summary>
public sealed class AnswerVerificationThrottlingTests : IDisposable
{
    private readonly ThrottledPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_and_the_page_itself_is_not_throttled()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var (allowed, _) = await Forms.SubmitAsync(client, "/answers/verify", "/answers/verify", ("SignedAnswer", "a.b.c"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (refused, _) = await Forms.SubmitAsync(client, "/answers/verify", "/answers/verify", ("SignedAnswer", "a.b.c"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/answers/verify")).StatusCode);
    }

    private sealed class ThrottledPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:InquiriesPerWindow"] = "3",
            ["RateLimiting:Window"] = "00:05:00",
        };
    }
}
