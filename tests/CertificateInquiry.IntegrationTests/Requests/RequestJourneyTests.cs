using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>The citizen's whole request through the real pages and forms: questions, SMS code, documents, fee, tracking.</summary>
public sealed class RequestJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Mobile = "09351112233";

    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
    // Real image headers (a 1×1 frame): uploads are refused when their pixel size cannot be read.
    internal static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9,
    ];
    internal static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE,
    ];

    private static string Error(IDocument page, string name) => page.QuerySelector($"#{name}-error")?.Text() ?? "";

    /// <summary>Starts a draft and answers the applicant questions (a man, so the military card is asked for).</summary>
    private async Task<HttpClient> AnsweredApplicantAsync(string mobile = Mobile)
    {
        var client = portal.CreateClient();
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        var (response, _) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0084575948"), ("FirstName", "حسین"), ("LastName", "محمدی"),
            ("FatherName", "رضا"), ("BirthDate", "1362/07/01"), ("Gender", "Male"), ("Mobile", mobile), ("Email", "hossein@example.com"));
        Assert.Equal("/requests/form/mobile", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(
        HttpClient client, string action, params (string Field, string FileName, byte[] Content)[] files)
    {
        var (_, page) = await HtmlPage.GetAsync(client, "/requests/form/documents");
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }

        var response = await client.PostAsync(action, content);
        return (response, await HtmlPage.ParseAsync(response));
    }

    [Fact]
    public async Task A_request_is_filed_confirmed_by_sms_paid_and_then_tracked()
    {
        var client = await AnsweredApplicantAsync();

        // The SMS code: a wrong one is refused with the attempts left, the right one moves on.
        var (wrong, wrongPage) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile", ("Code", "000000"));
        Assert.Contains("کد درست نیست", Error(wrongPage, "Code"), StringComparison.Ordinal);
        var code = portal.LastCodeSentTo(Mobile);
        var (confirmed, _) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile",
            ("Code", CertificateInquiry.Web.Infrastructure.Persian.PersianText.ToPersianDigits(code)));
        Assert.Equal("/requests/form/certificate", confirmed.RequestMessage!.RequestUri!.AbsolutePath);

        var (claim, _) = await Forms.SubmitAsync(client, "/requests/form/certificate", "/requests/form/certificate",
            ("Trade", "جوشکاری برق"), ("ExamYear", "1381"), ("ProvinceId", "4"), ("TrainingCenter", "مرکز شماره ۳ اصفهان"), ("CertificateNumber", ""));
        Assert.Equal("/requests/form/documents", claim.RequestMessage!.RequestUri!.AbsolutePath);

        // One bad file among good ones: its reason is shown, the good ones are kept.
        var (refused, refusedPage) = await UploadAsync(client, "/requests/form/documents",
            ("NationalCard", "card.jpg", Jpeg), ("BirthCertificate", "birth.pdf", Pdf), ("EducationDegree", "degree.pdf", "MZ\u0090 not a pdf"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("degree.pdf", Error(refusedPage, "EducationDegree"), StringComparison.Ordinal);
        Assert.Equal(2, refusedPage.QuerySelectorAll(".documents-sent > div").Length);

        var (missing, missingPage) = await UploadAsync(client, "/requests/form/documents", ("EducationDegree", "degree.png", Png));
        Assert.Contains("کارت پایان خدمت", Error(missingPage, "MilitaryService"), StringComparison.Ordinal);
        var (documents, _) = await UploadAsync(client, "/requests/form/documents", ("MilitaryService", "military.pdf", Pdf));
        Assert.Equal("/requests/form/review", documents.RequestMessage!.RequestUri!.AbsolutePath);

        // Check your answers, then the fee through the sandbox bank.
        var review = await HtmlPage.ParseAsync(documents);
        Assert.Contains("حسین محمدی", review.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(4, review.QuerySelectorAll("a[href='/requests/form/documents?review=true']").Length);
        var requestId = await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Mobile == Mobile).Select(r => r.Id).SingleAsync());
        Assert.NotNull(review.QuerySelector($"a[href='/requests/{requestId}/pay']"));

        var (started, _) = await Forms.SubmitAsync(client, $"/requests/{requestId}/pay", $"/requests/{requestId}/pay");
        var submitted = await HtmlPage.ParseAsync(started);
        var trackingCode = submitted.QuerySelector("[data-tracking-code-latin]")?.Text();
        Assert.True(started.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/sandbox-gateway/", StringComparison.Ordinal) || trackingCode is not null);
        if (trackingCode is null)
        {
            var bankPage = submitted;
            var form = bankPage.QuerySelector("form[method='post']")!;
            var fields = form.QuerySelectorAll("input[type='hidden']")
                .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
                .Append(KeyValuePair.Create("decision", "approve"));
            var paid = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
            submitted = await HtmlPage.ParseAsync(paid);
            trackingCode = submitted.QuerySelector("[data-tracking-code-latin]")!.Text();
        }

        Assert.True(TrackingCode.IsWellFormed(trackingCode));
        var stored = await portal.WithDatabaseAsync(db => db.Requests.Include(r => r.Documents).Include(r => r.Transitions).SingleAsync(r => r.Id == requestId));
        Assert.Equal(RequestStatus.Submitted, stored.Status);
        Assert.Equal(4, stored.Documents.Count);
        Assert.All(stored.Documents, d => Assert.Equal(64, d.Sha256.Length));
        Assert.Equal(4, stored.ProvinceId);
        Assert.Equal("جوشکاری برق", stored.TradeText);

        // The submission SMS and email leave through the outbox with the tracking code, never the national code.
        var sms = await portal.WaitForMessageAsync(m => m.Recipient == Mobile && m.Text.Contains(trackingCode, StringComparison.Ordinal));
        Assert.DoesNotContain("0084575948", sms.Text, StringComparison.Ordinal);
        await portal.WaitForMessageAsync(m => m.Recipient == "hossein@example.com");

        var receipt = await client.GetAsync($"/requests/{requestId}/receipt");
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"tvto-request-{trackingCode}.pdf", receipt.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync($"/requests/{requestId}/receipt")).StatusCode);

        // The same receipt from the tracking page, by both keys; a wrong national code gets the page, not the file.
        var trackedReceipt = await Forms.PostWithTokenFromAsync(portal.CreateClient(), "/requests/track", "/requests/track/receipt",
            ("TrackingCode", trackingCode), ("NationalCode", "0084575948"));
        Assert.Equal("application/pdf", trackedReceipt.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"tvto-request-{trackingCode}.pdf", trackedReceipt.Content.Headers.ContentDisposition!.FileName);
        var wrongKeys = await Forms.PostWithTokenFromAsync(portal.CreateClient(), "/requests/track", "/requests/track/receipt",
            ("TrackingCode", trackingCode), ("NationalCode", "0012345679"));
        Assert.Equal("text/html", wrongKeys.Content.Headers.ContentType!.MediaType);

        var (_, tracked) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", trackingCode), ("NationalCode", "0084575948"));
        Assert.Contains("ثبت‌شده، در انتظار بررسی", tracked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Null(tracked.QuerySelector("form[action='/requests/track/documents']"));
    }

    [Theory]
    [InlineData("renamed.pdf", "exe", "PDF")]
    [InlineData("empty.pdf", "empty", "خالی")]
    [InlineData("scan.php.pdf", "pdf", "پسوند نامجاز")]
    [InlineData("../../etc/passwd.pdf", "pdf", "نشانی پوشه")]
    [InlineData("big.pdf", "big", "۵ مگابایت")]
    public async Task A_bad_file_is_refused_with_a_persian_reason_and_nothing_is_stored(string fileName, string content, string reason)
    {
        var client = await AnsweredApplicantAsync("0912000" + Math.Abs(fileName.GetHashCode(StringComparison.Ordinal) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        var bytes = content switch
        {
            "exe" => "MZ\u0090\u0000 this is a program"u8.ToArray(),
            "empty" => [],
            "big" => [.. Pdf, .. new byte[5 * 1024 * 1024]],
            _ => Pdf,
        };

        var (response, page) = await UploadAsync(client, "/requests/form/documents", ("NationalCard", fileName, bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Error(page, "NationalCard");
        Assert.NotEqual("", error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".documents-sent > div"));
    }

    [Fact]
    public async Task More_documents_are_taken_only_when_staff_asked_for_them()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Submitted);
        var trackingCode = request.TrackingCode;
        var client = portal.CreateClient();

        async Task<IDocument> SendAsync()
        {
            var (_, tracked) = await Forms.SubmitAsync(client, "/requests/track", "/requests/track", ("TrackingCode", trackingCode), ("NationalCode", request.NationalCode));
            var token = tracked.QuerySelector("form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(trackingCode), "TrackingCode" },
                { new StringContent(request.NationalCode), "NationalCode" },
                { new ByteArrayContent(Pdf), "Additional", "letter.pdf" },
            };
            return await HtmlPage.ParseAsync(await client.PostAsync("/requests/track/documents", content));
        }

        var notAsked = await SendAsync();
        Assert.Contains("اکنون مدرکی از شما خواسته نشده است", notAsked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.RequestDocuments.CountAsync(d => d.RequestId == request.Id && d.Kind == DocumentKind.Additional)));

        await portal.WithDatabaseAsync(async db =>
        {
            var stored = await db.Requests.SingleAsync(r => r.Id == request.Id);
            stored.MoveTo(RequestStatus.UnderReview, "staff-1", "کارشناس", DateTime.UtcNow, null);
            stored.MoveTo(RequestStatus.NeedsMoreDocuments, "staff-1", "کارشناس", DateTime.UtcNow, null, "تصویر کارت پایان خدمت خوانا نیست.");
            await db.SaveChangesAsync();
            return 0;
        });

        var sent = await SendAsync();

        Assert.Contains("مدارک شما رسید", sent.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        var after = await portal.WithDatabaseAsync(db => db.Requests.Include(r => r.Documents).SingleAsync(r => r.Id == request.Id));
        Assert.Equal(RequestStatus.UnderReview, after.Status);
        Assert.Single(after.Documents, d => d.Kind == DocumentKind.Additional && d.UploadedInStatus == RequestStatus.NeedsMoreDocuments);
        await portal.WaitForMessageAsync(m => m.Recipient == "09121234567" && m.Text.Contains("در حال بررسی", StringComparison.Ordinal));
    }
}
