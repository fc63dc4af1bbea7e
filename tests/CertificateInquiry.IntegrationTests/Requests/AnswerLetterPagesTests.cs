using System.Net;
using System.Text;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Staff.Letters;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// The answer letter on the web: the applicant's download from tracking, the verify page behind the QR code, and the
/// staff download scoped by province.
/// </summary>
public sealed class AnswerLetterPagesTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string Uniform = "درخواستی با این مشخصات پیدا نشد";

    private async Task<(TrackedRequests.Seeded Request, AnswerLetterSeeds.Issued Letter)> AnsweredWithLetterAsync(
        AnswerOutcome outcome = AnswerOutcome.Confirmed, string province = "تهران")
    {
        var request = await AnswerLetterSeeds.AnsweredAsync(portal, outcome, province);
        return (request, await AnswerLetterSeeds.IssueAsync(portal, request.Id));
    }

    // The letter form appears only on the tracking result, so its token is taken from the tracking page, as the
    // browser's would be.
    private Task<HttpResponseMessage> PostLetterAsync(HttpClient client, string trackingCode, string nationalCode) =>
        Forms.PostWithTokenFromAsync(client, "/requests/track", "/requests/track/letter", ("TrackingCode", trackingCode), ("NationalCode", nationalCode));

    private static async Task<string> PdfStartAsync(HttpResponseMessage response) =>
        Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..5]);

    [Fact]
    public async Task The_tracking_page_offers_the_letter_and_the_applicant_downloads_it_with_both_keys()
    {
        var (request, letter) = await AnsweredWithLetterAsync();
        var client = portal.CreateClient();

        var (_, tracked) = await Forms.SubmitAsync(client, "/requests/track", "/requests/track",
            ("TrackingCode", request.TrackingCode), ("NationalCode", request.NationalCode));
        var offer = tracked.QuerySelector("[data-answer-letter]")!;
        var form = offer.QuerySelector("form[action='/requests/track/letter']")!;
        var download = await PostLetterAsync(client, request.TrackingCode, request.NationalCode);

        Assert.Contains(letter.LetterNumber, offer.Text(), StringComparison.Ordinal);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(request.TrackingCode, form.QuerySelector("input[name=TrackingCode]")!.GetAttribute("value"));
        Assert.Equal(request.NationalCode, form.QuerySelector("input[name=NationalCode]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("tvto-letter-" + letter.LetterNumber.Replace('/', '-') + ".pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal("%PDF-", await PdfStartAsync(download));
    }

    [Fact]
    public async Task Keys_in_any_digit_script_fetch_the_letter()
    {
        var (request, _) = await AnsweredWithLetterAsync(AnswerOutcome.Rejected);

        var download = await PostLetterAsync(portal.CreateClient(), PersianDigits(request.TrackingCode), PersianDigits(request.NationalCode));

        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_wrong_national_code_or_tracking_code_gets_the_same_miss_and_no_letter()
    {
        var (request, _) = await AnsweredWithLetterAsync();
        var other = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered);

        var wrongNationalCode = await PostLetterAsync(portal.CreateClient(), request.TrackingCode, other.NationalCode);
        var wrongTrackingCode = await PostLetterAsync(portal.CreateClient(), other.TrackingCode, request.NationalCode);

        var pages = new List<IDocument>();
        foreach (var response in new[] { wrongNationalCode, wrongTrackingCode })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            var page = await HtmlPage.ParseAsync(response);
            Assert.Equal(Uniform, page.QuerySelector(".lookup-miss h2")!.Text());
            Assert.Null(page.QuerySelector("[data-answer-letter]"));
            pages.Add(page);
        }

        Assert.Equal(pages[0].QuerySelector(".lookup-miss")!.Text(), pages[1].QuerySelector(".lookup-miss")!.Text());
    }

    [Fact]
    public async Task Before_an_answer_there_is_no_letter_only_the_request_as_it_stands()
    {
        var underReview = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);
        var answeredWithout = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered); // answered before letters existed

        foreach (var request in new[] { underReview, answeredWithout })
        {
            var response = await PostLetterAsync(portal.CreateClient(), request.TrackingCode, request.NationalCode);
            var page = await HtmlPage.ParseAsync(response);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Null(page.QuerySelector(".lookup-miss"));
            Assert.NotNull(page.QuerySelector(".request-summary"));
            Assert.Null(page.QuerySelector("form[action='/requests/track/letter']"));
        }
    }

    [Fact]
    public async Task Invalid_keys_are_refused_with_the_tracking_forms_errors()
    {
        var response = await PostLetterAsync(portal.CreateClient(), "123", "0000000001");
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-error-summary]"));
    }

    [Fact]
    public async Task The_verify_page_shows_the_letter_and_the_certificates_status_today()
    {
        var (request, letter) = await AnsweredWithLetterAsync();

        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/letters/verify/" + letter.VerificationCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(letter.LetterNumber, page.QuerySelector("[data-letter-number]")!.Text());
        Assert.Equal("ltr", page.QuerySelector("[data-letter-number]")!.GetAttribute("dir"));
        var card = page.QuerySelector("[data-letter]")!.Text();
        Assert.Contains("اداره کل آموزش فنی و حرفه‌ای استان تهران", card, StringComparison.Ordinal);
        Assert.Contains("جناب آقای رضا کاظمی", card, StringComparison.Ordinal); // the addressee
        Assert.Contains("گواهینامه تأیید شد", page.QuerySelector("[data-letter-outcome]")!.Text(), StringComparison.Ordinal);
        Assert.Contains(AnswerLetterSeeds.SignerName, card, StringComparison.Ordinal);
        Assert.Equal(request.CertificateNumber, page.QuerySelector("[data-certificate-number]")!.Text());
        Assert.Equal("وضعیت امروز: معتبر", page.QuerySelector("[data-certificate-standing]")!.Text());
        Assert.DoesNotContain(request.NationalCode, page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_revoked_after_the_letter_shows_as_revoked()
    {
        var (request, letter) = await AnsweredWithLetterAsync();
        await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == request.CertificateNumber)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CertificateStatus.Revoked)));

        var (_, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/letters/verify/" + letter.VerificationCode);

        Assert.Equal("وضعیت امروز: ابطال‌شده", page.QuerySelector("[data-certificate-standing]")!.Text());
        Assert.Contains("ابطال شده", page.QuerySelector("[data-letter-certificate] .record-card__warning")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_shows_its_reason_and_no_certificate()
    {
        var (_, letter) = await AnsweredWithLetterAsync(AnswerOutcome.Rejected);

        var (_, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/letters/verify/" + letter.VerificationCode.ToUpperInvariant());

        Assert.Contains(TrackedRequests.RejectionReason, page.QuerySelector("[data-letter]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("درخواست رد شد", page.QuerySelector("[data-letter-outcome]")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-letter-certificate]"));
    }

    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("not-a-code")]
    public async Task An_unknown_code_gets_the_persian_not_found_page(string code)
    {
        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/letters/verify/" + code);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("نشانی تأیید نامه معتبر نیست", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Verifications_and_downloads_are_audited_without_the_keys()
    {
        var (request, letter) = await AnsweredWithLetterAsync();
        var certificateId = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == request.CertificateNumber).Select(c => c.Id).SingleAsync());

        await portal.CreateClient().GetAsync("/letters/verify/" + letter.VerificationCode);
        await PostLetterAsync(portal.CreateClient(), request.TrackingCode, request.NationalCode);

        await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(async db =>
                await db.InquiryAudit.AnyAsync(e => e.Channel == InquiryChannel.LetterVerification && e.Outcome == InquiryOutcome.Match && e.CertificateId == certificateId)
                && await db.InquiryAudit.AnyAsync(e => e.Channel == InquiryChannel.LetterDownload && e.Outcome == InquiryOutcome.Match && e.CertificateId == certificateId)),
            "the verification and the download were not audited");
    }

    [Fact]
    public async Task Staff_of_the_letters_province_download_it_and_the_download_is_in_the_audit_trail()
    {
        var (request, letter) = await AnsweredWithLetterAsync();
        var expert = await portal.CreateUserAsync("letters.tehran.expert@tvto.example", StaffRoles.ProvincialExpert, "تهران");
        var browser = portal.OpenBrowser();
        await browser.SignInAsync("letters.tehran.expert@tvto.example");

        var download = await browser.Client.GetAsync($"/admin/requests/{request.Id}/letter");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal("%PDF-", await PdfStartAsync(download));
        var entry = await portal.WithDatabaseAsync(db => db.StaffAudit.SingleAsync(e => e.UserId == expert.Id && e.Action == StaffLetterController.DownloadAction));
        Assert.Equal("Request", entry.SubjectType);
        Assert.Equal(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.SubjectId);
        Assert.Equal(letter.ProvinceId, entry.ProvinceId);
        Assert.Contains(letter.LetterNumber, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_provinces_letter_is_not_found_for_provincial_staff_and_found_for_a_national_admin()
    {
        var (request, _) = await AnsweredWithLetterAsync(AnswerOutcome.NotFound, "اصفهان");
        var tehranManager = await portal.CreateUserAsync("letters.tehran.manager@tvto.example", StaffRoles.ProvincialManager, "تهران");
        await portal.CreateUserAsync("letters.admin@tvto.example", StaffRoles.NationalAdmin);
        await portal.EnableTwoFactorAsync("letters.admin@tvto.example");
        await portal.EnableTwoFactorAsync("letters.tehran.manager@tvto.example");
        var manager = await portal.SignedInBrowserAsync("letters.tehran.manager@tvto.example");
        var admin = await portal.SignedInBrowserAsync("letters.admin@tvto.example");

        var refused = await manager.Client.GetAsync($"/admin/requests/{request.Id}/letter");
        var missing = await manager.Client.GetAsync("/admin/requests/999999999/letter");
        var allowed = await admin.Client.GetAsync($"/admin/requests/{request.Id}/letter");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await HtmlPage.ParseAsync(missing)).QuerySelector("h1")!.Text(), (await HtmlPage.ParseAsync(refused)).QuerySelector("h1")!.Text());
        Assert.False(await portal.WithDatabaseAsync(db => db.StaffAudit.AnyAsync(e => e.UserId == tehranManager.Id && e.Action == StaffLetterController.DownloadAction)));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("application/pdf", allowed.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_case_page_links_to_the_answer_letter_once_one_is_issued()
    {
        var (request, letter) = await AnsweredWithLetterAsync();
        var withoutLetter = await AnswerLetterSeeds.AnsweredAsync(portal);
        await portal.CreateUserAsync("letters.link.expert@tvto.example", StaffRoles.ProvincialExpert, "تهران");
        var browser = portal.OpenBrowser();
        await browser.SignInAsync("letters.link.expert@tvto.example");

        var (_, page) = await HtmlPage.GetAsync(browser.Client, $"/admin/requests/{request.Id}");
        var (_, pageWithout) = await HtmlPage.GetAsync(browser.Client, $"/admin/requests/{withoutLetter.Id}");

        var link = page.QuerySelector("a[data-answer-letter]");
        Assert.NotNull(link);
        Assert.Equal($"/admin/requests/{request.Id}/letter", link.GetAttribute("href"));
        Assert.Contains(letter.LetterNumber, link.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(link.GetAttribute("href"))).StatusCode);
        Assert.Null(pageWithout.QuerySelector("[data-answer-letter]"));
    }

    [Fact]
    public async Task Without_signing_in_the_staff_download_leads_to_sign_in()
    {
        var (request, _) = await AnsweredWithLetterAsync();

        var response = await portal.OpenBrowser().Client.GetAsync($"/admin/requests/{request.Id}/letter");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/sign-in", StaffSignInTests.Location(response), StringComparison.Ordinal);
    }

    private static string PersianDigits(string digits) => Web.Infrastructure.Persian.PersianText.ToPersianDigits(digits);
}
