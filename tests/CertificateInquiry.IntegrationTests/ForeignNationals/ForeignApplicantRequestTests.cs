using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.ForeignNationals;

/// <summary>
/// A foreign national's pre-1392 request through the real pages (ADR-033): the Iranian / foreign choice, the unique
/// identifier and nationality, the SMS code without Shahkar, documents, the sandbox fee, tracking by the 12-digit
/// identifier; staff see the identity on the case page and answer it, and the digitized certificate is then found online
/// under the identifier with the nationality.
/// </summary>
public sealed class ForeignApplicantRequestTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private const string ForeignId = "600345678912";
    private const string TehranProvinceId = "8";

    private static string Error(IDocument page, string name) => page.QuerySelector($"#{name}-error")?.Text() ?? "";

    private static (string, string)[] Applicant(string mobile, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["RequesterKind"] = "Holder", ["IdentityKind"] = "Foreign", ["NationalCode"] = "۶۰۰۳۴۵۶۷۸۹۱۲", ["Nationality"] = "IQ",
            ["IdentityDocumentNumber"] = "a 1234567", ["FirstName"] = "حیدر", ["LastName"] = "الموسوی", ["FatherName"] = "جاسم",
            ["BirthDate"] = "1369/09/03", ["Gender"] = "Male", ["Mobile"] = mobile, ["Email"] = "",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return [.. fields.Select(f => (f.Key, f.Value))];
    }

    private async Task<HttpClient> StartDraftAsync()
    {
        var client = portal.CreateClient();
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        return client;
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(HttpClient client, params (string Field, string FileName, byte[] Content)[] files)
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

        var response = await client.PostAsync("/requests/form/documents", content);
        return (response, await HtmlPage.ParseAsync(response));
    }

    [Fact]
    public async Task A_foreign_applicant_files_pays_tracks_and_staff_answer_with_a_certificate_found_under_the_identifier()
    {
        const string mobile = "09351230001";
        var client = await StartDraftAsync();

        // The applicant: a foreign national, Iraqi, with the passport number the paper certificate carries.
        var (applicant, _) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", Applicant(mobile));
        Assert.Equal("/requests/form/mobile", applicant.RequestMessage!.RequestUri!.AbsolutePath);
        var draft = await portal.WithDatabaseAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Mobile == mobile));
        Assert.Equal((ForeignId, "IQ", "A1234567"), (draft.NationalCode, draft.Nationality, draft.IdentityDocumentNumber));
        Assert.Equal(MobileOwnership.NotChecked, draft.MobileOwnership);

        // The form shows the answers again as given.
        var (_, again) = await HtmlPage.GetAsync(client, "/requests/form/applicant");
        Assert.NotNull(again.QuerySelector("input[name='IdentityKind'][value='Foreign'][checked]"));
        Assert.NotNull(again.QuerySelector("select[name='Nationality'] option[value='IQ'][selected]"));
        Assert.Equal(["AF", "IQ", "PK"], again.QuerySelectorAll("select[name='Nationality'] option[value]").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).Take(3));
        Assert.Null(again.QuerySelector("select[name='Nationality'] option[value='IR']"));

        var (confirmed, _) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile", ("Code", portal.LastCodeSentTo(mobile)));
        Assert.Equal("/requests/form/certificate", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
        var (claim, _) = await Forms.SubmitAsync(client, "/requests/form/certificate", "/requests/form/certificate",
            ("Trade", "جوشکاری برق"), ("ExamYear", "1386"), ("ProvinceId", TehranProvinceId), ("TrainingCenter", "مرکز شماره ۱ تهران"), ("CertificateNumber", ""));
        Assert.Equal("/requests/form/documents", claim.RequestMessage!.RequestUri!.AbsolutePath);

        // A foreign national gives a residence card or passport and a degree: no Iranian birth certificate, no military card.
        var (_, documentsPage) = await HtmlPage.GetAsync(client, "/requests/form/documents");
        Assert.Contains("کارت اقامت (آمایش) یا گذرنامه", documentsPage.QuerySelector("label[for='NationalCard']")!.Text(), StringComparison.Ordinal);
        var (documents, _) = await UploadAsync(client, ("NationalCard", "passport.pdf", RequestJourneyTests.Pdf), ("EducationDegree", "degree.png", RequestJourneyTests.Png));
        Assert.Equal("/requests/form/review", documents.RequestMessage!.RequestUri!.AbsolutePath);

        var review = await HtmlPage.ParseAsync(documents);
        var answers = review.QuerySelector("main")!.Text();
        Assert.Contains("کد یکتای اتباع", answers, StringComparison.Ordinal);
        Assert.Contains("عراق", answers, StringComparison.Ordinal);
        Assert.Contains("A1234567", answers, StringComparison.Ordinal);
        Assert.Empty(review.QuerySelectorAll(".error-summary"));

        // The fee through the sandbox bank.
        var (started, _) = await Forms.SubmitAsync(client, $"/requests/{draft.Id}/pay", $"/requests/{draft.Id}/pay");
        var submitted = await HtmlPage.ParseAsync(started);
        var trackingCode = submitted.QuerySelector("[data-tracking-code-latin]")?.Text();
        if (trackingCode is null)
        {
            Assert.StartsWith("/sandbox-gateway/", started.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            var form = submitted.QuerySelector("form[method='post']")!;
            var fields = form.QuerySelectorAll("input[type='hidden']")
                .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
                .Append(KeyValuePair.Create("decision", "approve"));
            var paid = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
            trackingCode = (await HtmlPage.ParseAsync(paid)).QuerySelector("[data-tracking-code-latin]")!.Text();
        }

        Assert.True(TrackingCode.IsWellFormed(trackingCode));
        Assert.Equal(RequestStatus.Submitted, (await portal.RequestAsync(draft.Id)).Status);

        // Tracking by the 12-digit identifier (in Persian digits too); another identifier finds nothing.
        var (_, tracked) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", trackingCode), ("NationalCode", PersianText.ToPersianDigits(ForeignId)));
        Assert.Contains("ثبت‌شده، در انتظار بررسی", tracked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        var (_, wrong) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", trackingCode), ("NationalCode", "600345678913"));
        Assert.DoesNotContain("ثبت‌شده، در انتظار بررسی", wrong.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        // Staff see the identity, the nationality and the document number, and that Shahkar and the registry were not asked.
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager);
        var casePage = await CasePages.OpenAsync(expert, draft.Id);
        Assert.Equal("تبعه خارجی", casePage.QuerySelector("[data-identity-kind='foreign']")!.Text());
        Assert.Equal("عراق", casePage.QuerySelector("[data-nationality='IQ']")!.Text());
        Assert.Equal("A1234567", casePage.QuerySelector("[data-identity-document]")!.Text());
        Assert.Contains("برای اتباع خارجی از شاهکار استعلام نمی‌شود", casePage.QuerySelector("[data-mobile-ownership='ForeignNational']")!.Text(), StringComparison.Ordinal);
        Assert.Contains("از ثبت احوال استعلام نمی‌شود", casePage.QuerySelector("[data-identity-check='ForeignNational']")!.Text(), StringComparison.Ordinal);
        Assert.Contains("کد یکتای اتباع", casePage.QuerySelector("#applicant-title")!.ParentElement!.Text(), StringComparison.Ordinal);
        var (_, queue) = await HtmlPage.GetAsync(expert.Client, "/admin/requests?Q=" + PersianText.ToPersianDigits(ForeignId));
        Assert.Contains("حیدر الموسوی", queue.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        // The expert proposes the paper certificate, a manager approves: it is digitized under the identifier.
        var number = "1386-08-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var standardId = await portal.WithDatabaseAsync(async db =>
        {
            var standard = await db.TrainingStandards.FirstOrDefaultAsync(s => s.Code == "7212-10-901");
            if (standard is null)
            {
                standard = new CertificateInquiry.Web.Domain.TrainingStandard { Code = "7212-10-901", Title = "جوشکار برق", Hours = 300 };
                db.TrainingStandards.Add(standard);
                await db.SaveChangesAsync();
            }

            return standard.Id;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await CasePages.ActAsync(expert, draft.Id, "/start-review")).Response.StatusCode);
        var (proposed, _) = await CasePages.ActAsync(expert, draft.Id, "/proposals",
            ("Outcome", "Confirmed"), ("CertificateSource", "new"), ("CertificateNumber", number), ("CertificateKind", "Certificate"),
            ("ExamDate", "1386/04/20"), ("IssueDate", "1386/05/10"), ("ExpiryDate", ""), ("TrainingCenter", "مرکز شماره ۱ تهران"),
            ("Program", "Tvto"), ("Reason", ""), ("StandardId", standardId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var (approved, _) = await CasePages.ActAsync(manager, draft.Id, "/approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var answered = await portal.RequestAsync(draft.Id);
        Assert.Equal((RequestStatus.Answered, AnswerOutcome.Confirmed), (answered.Status, answered.Outcome));
        var holder = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => c.Person!).SingleAsync());
        Assert.Equal((ForeignId, "IQ", "حیدر الموسوی"), (holder.NationalCode, holder.Nationality, holder.FullName));
        Assert.Equal((MobileOwnership.NotChecked, IdentityCheck.NotChecked), (answered.MobileOwnership, answered.IdentityCheck));

        // The answer letter names the nationality and the identifier to look it up with.
        var letter = await portal.WithDatabaseAsync(db => db.AnswerLetters.AsNoTracking().SingleAsync(l => l.RequestId == draft.Id));
        var letterText = string.Join("\n", AnswerLetterText.Paragraphs(letter));
        Assert.Contains("تبعه عراق", letterText, StringComparison.Ordinal);
        Assert.Contains("با کد یکتای اتباع دارنده", letterText, StringComparison.Ordinal);

        // Online from now on, by the identifier.
        var (_, found) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", ForeignId), ("CertificateNumber", number));
        var record = found.QuerySelector(".record")!.Text();
        Assert.Contains("کد یکتای اتباع", record, StringComparison.Ordinal);
        Assert.Contains("عراق", record, StringComparison.Ordinal);
        Assert.Contains("حیدر الموسوی", record, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IdentityKind", "Foreign", "Nationality", "", "Nationality", "ملیت دارنده را انتخاب کنید")]
    [InlineData("IdentityKind", "Foreign", "Nationality", "ZZ", "Nationality", "ملیت را از فهرست کشورها انتخاب کنید")]
    [InlineData("IdentityKind", "Foreign", "Nationality", "IR", "Nationality", "ملیت را از فهرست کشورها انتخاب کنید")]
    [InlineData("IdentityKind", "Foreign", "NationalCode", "666666666666", "NationalCode", "کد یکتای اتباع درست نیست")]
    [InlineData("IdentityKind", "Foreign", "NationalCode", "60034567891", "NationalCode", "کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد")]
    [InlineData("IdentityKind", "Foreign", "NationalCode", "0084575948", "NationalCode", "«ایرانی» را انتخاب کنید")]
    [InlineData("IdentityKind", "Iranian", "NationalCode", "600345678912", "NationalCode", "«تبعه خارجی» را انتخاب کنید")]
    [InlineData("IdentityKind", "Stateless", "NationalCode", "600345678912", "IdentityKind", "ایرانی است یا تبعه خارجی")]
    [InlineData("IdentityKind", "Foreign", "IdentityDocumentNumber", "<script>", "IdentityDocumentNumber", "شماره گذرنامه یا کارت اقامت")]
    [InlineData("IdentityKind", "Foreign", "NationalCode", "", "NationalCode", "کد یکتای اتباع را وارد کنید")]
    public async Task A_bad_foreign_identity_gets_a_persian_message_beside_its_field_and_saves_nothing(
        string name1, string value1, string name2, string value2, string field, string message)
    {
        var mobile = "0935124" + Math.Abs((value1 + value2).GetHashCode(StringComparison.Ordinal) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var client = await StartDraftAsync();

        var (response, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            Applicant(mobile, (name1, value1), (name2, value2)));

        Assert.Equal("/requests/form/applicant", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Contains(message, Error(page, field), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Requests.AnyAsync(r => r.Mobile == mobile)));
        Assert.Null(portal.Messages.LastCodeSentTo(mobile));
    }

    [Fact]
    public async Task An_iranian_applicant_gives_no_nationality_even_when_the_browser_sends_one()
    {
        const string mobile = "09351230002";
        var client = await StartDraftAsync();

        await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            Applicant(mobile, ("IdentityKind", "Iranian"), ("NationalCode", "0084575948"), ("Nationality", "AF"), ("IdentityDocumentNumber", "X1")));

        var stored = await portal.WithDatabaseAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Mobile == mobile));
        Assert.Equal(("0084575948", null, null), (stored.NationalCode, stored.Nationality, stored.IdentityDocumentNumber));
        Assert.False(stored.IsForeignNational);
    }
}
