using System.Net;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Holders.Corrections;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.Corrections.CorrectionPages;

namespace CertificateInquiry.IntegrationTests.Corrections;

/// <summary>The holder's side of «گزارش خطا»: their own certificates only, every bad input refused in Persian with nothing written, one report per form.</summary>
public sealed class HolderCorrectionTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private int DocumentFiles() =>
        Directory.Exists(System.IO.Path.Combine(portal.Folder, "documents"))
            ? Directory.EnumerateFiles(System.IO.Path.Combine(portal.Folder, "documents"), "*", SearchOption.AllDirectories).Count()
            : 0;

    [Fact]
    public async Task The_holder_sees_their_certificates_fields_and_reports_one_with_a_document()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);

        var (chooseResponse, choose) = await HtmlPage.GetAsync(client, "/my/corrections/new?certificate=" + holder.Number);
        Assert.Equal(HttpStatusCode.OK, chooseResponse.StatusCode);
        Assert.Equal(FatherName, choose.QuerySelector("[data-field=FatherName] dd")!.Text());
        Assert.Equal("۱۳۹۹/۰۴/۱۱", choose.QuerySelector("[data-field=IssueDate] dd")!.Text());
        Assert.Equal(FormPath(holder.Number, CorrectionField.FatherName), choose.QuerySelector("[data-field=FatherName] a")!.GetAttribute("href"));

        var page = await OpenFormAsync(client, holder.Number, CorrectionField.FatherName);
        Assert.Equal(FatherName, page.QuerySelector("[data-current-value]")!.Text());
        Assert.Equal("multipart/form-data", page.QuerySelector("form[data-form=correction]")!.GetAttribute("enctype"));
        var (response, _) = await PostAsync(client, page, "حسن", mobile: "۰۹۱۲۷۶۵۴۳۲۱", file: ("شناسنامه.png", RequestJourneyTests.Png));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my/corrections?done=reported", response.Headers.Location!.OriginalString);
        var stored = await portal.WithDatabaseAsync(db => db.CertificateCorrections.AsNoTracking().SingleAsync(c => c.HolderIdentifier == holder.NationalCode));
        Assert.Equal((CorrectionField.FatherName, FatherName, "حسن", Mobile, CorrectionStatus.Open), (stored.Field, stored.ReportedValue, stored.RequestedValue, stored.Mobile, stored.Status));
        Assert.Equal("image/png", stored.DocumentContentType);
        Assert.NotNull(stored.DocumentStoredName);
        Assert.Equal(await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == holder.Number).Select(c => c.ProvinceId).SingleAsync()), stored.ProvinceId);

        var (_, list) = await HtmlPage.GetAsync(client, "/my/corrections?done=reported");
        Assert.NotNull(list.QuerySelector("[data-done]"));
        var row = list.QuerySelector($"[data-correction='{stored.Id}']")!;
        Assert.Equal("در حال بررسی", row.QuerySelector("[data-status-title]")!.Text());
        Assert.Contains("حسن", row.Text(), StringComparison.Ordinal);

        // The field now shows as under review on the certificate's page.
        var (_, again) = await HtmlPage.GetAsync(client, "/my/corrections/new?certificate=" + holder.Number);
        Assert.Equal("در حال بررسی", again.QuerySelector("[data-field=FatherName] a")!.Text());
    }

    [Fact]
    public async Task Another_holders_certificate_or_an_unknown_one_is_not_found_and_nothing_is_written()
    {
        var mine = await SeedHolderAsync(portal, "تهران");
        var theirs = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(mine.NationalCode);
        var page = await OpenFormAsync(client, mine.Number, CorrectionField.FatherName);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/my/corrections/new?certificate=" + theirs.Number)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FormPath(theirs.Number, CorrectionField.FatherName))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/my/corrections/new?certificate=9999-99-999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FormPath(mine.Number, CorrectionField.FatherName).Replace("FatherName", "NationalCode", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FormPath(mine.Number, CorrectionField.FatherName).Replace("FatherName", "2", StringComparison.Ordinal))).StatusCode);

        // The form of my certificate, its action pointed at theirs: refused too.
        page.QuerySelector("form[data-form=correction]")!.SetAttribute("action", FormPath(theirs.Number, CorrectionField.FatherName));
        var (forged, _) = await PostAsync(client, page, "حسن");

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await CountAsync(portal, theirs.NationalCode) + await CountAsync(portal, mine.NationalCode));
        Assert.True(portal.LogsContain("not under their identifier"));
    }

    [Fact]
    public async Task A_visitor_without_the_holder_cookie_is_sent_to_sign_in_and_a_post_without_a_token_is_refused()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var anonymous = portal.CreateDefaultClient();

        var list = await anonymous.GetAsync("/my/corrections");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/my/sign-in", list.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var client = portal.SignedInHolder(holder.NationalCode);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("حسن"), "Value" }, { new StringContent("توضیح"), "Note" }, { new StringContent(Mobile), "Mobile" },
            { new StringContent(Guid.NewGuid().ToString("N")), "SubmissionKey" },
        };
        var noToken = await client.PostAsync(FormPath(holder.Number, CorrectionField.FatherName), content);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(0, await CountAsync(portal, holder.NationalCode));
    }

    [Theory]
    [InlineData(CorrectionField.IssueDate, "1499/01/01", null, null, "Value", CorrectionValues.FutureDate)]
    [InlineData(CorrectionField.IssueDate, "1399/02/30", null, null, "Value", "پیش از تاریخ آزمون")]
    [InlineData(CorrectionField.ExamDate, "۱۳۹۹/۱۳/۴۰", null, null, "Value", "سال/ماه/روز")]
    [InlineData(CorrectionField.FatherName, "Hassan", null, null, "Value", "با حروف فارسی")]
    [InlineData(CorrectionField.FatherName, "حسین", null, null, "Value", CorrectionValues.SameAsNow)]
    [InlineData(CorrectionField.FatherName, "حسن", "C1 control \u009B[31m", null, "Note", CorrectionReportInputValidator.NoteInvalid)]
    [InlineData(CorrectionField.FatherName, "حس\u009Bن", null, null, "Value", "نویسه‌های نامعتبر")]
    [InlineData(CorrectionField.FatherName, "حسن", "", null, "Note", CorrectionReportInputValidator.NoteRequired)]
    [InlineData(CorrectionField.FatherName, "حسن", "huge", null, "Note", "حداکثر ۱۰۰۰ نویسه")]
    [InlineData(CorrectionField.FatherName, "حسن", "5MB", null, "Note", "حداکثر ۱۰۰۰ نویسه")]
    [InlineData(CorrectionField.FatherName, "حسن", null, "12345", "Mobile", CorrectionReportInputValidator.MobileInvalid)]
    [InlineData(CorrectionField.Standard, "999999", null, null, "Value", CorrectionValues.StandardRequired)]
    [InlineData(CorrectionField.Standard, "<script>", null, null, "Value", CorrectionValues.StandardRequired)]
    public async Task A_bad_input_is_refused_in_persian_beside_its_field_and_nothing_is_written(
        CorrectionField field, string value, string? note, string? mobile, string errorField, string error)
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);
        var page = await OpenFormAsync(client, holder.Number, field);
        var files = DocumentFiles();
        note = note switch { "huge" => new string('ب', 300_000), "5MB" => new string('x', 5 * 1024 * 1024), _ => note };

        var (response, refused) = await PostAsync(client, page, value, note: note ?? "توضیح درباره خطا", mobile: mobile ?? Mobile,
            file: ("شناسنامه.png", RequestJourneyTests.Png));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", refused.Title, StringComparison.Ordinal);
        Assert.Contains(error, refused.QuerySelector($"#{errorField}-error")?.Text() ?? "", StringComparison.Ordinal);
        Assert.Contains(error, Errors(refused), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(portal, holder.NationalCode));
        Assert.Equal(files, DocumentFiles());
        Assert.NotNull(refused.QuerySelector("form[data-form=correction] input[name=SubmissionKey]")); // the form again, to correct and send
        Assert.True((refused.QuerySelector("textarea#Note")?.TextContent.Length ?? 0) <= CorrectionReportInputValidator.NoteLimitToRead);
    }

    [Theory]
    [InlineData("Value")]
    [InlineData("Note")]
    [InlineData("Mobile")]
    public async Task A_nul_byte_in_any_field_gets_the_persian_400_page_and_nothing_is_written(string field)
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);
        var page = await OpenFormAsync(client, holder.Number, CorrectionField.FatherName);
        var files = DocumentFiles();

        var (response, refused) = await PostAsync(client, page,
            field == "Value" ? "حس\0ن" : "حسن", note: field == "Note" ? "nul\0byte" : "توضیح", mobile: field == "Mobile" ? "0912\07654321" : Mobile,
            file: ("شناسنامه.png", RequestJourneyTests.Png));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("کد خطا: ۴۰۰", refused.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(portal, holder.NationalCode));
        Assert.Equal(files, DocumentFiles());
    }

    [Theory]
    [InlineData("renamed.pdf", "exe", "PDF")]
    [InlineData("program.exe", "exe", "")]
    [InlineData("big.pdf", "big", "۵ مگابایت")]
    public async Task A_wrong_file_is_refused_with_a_persian_reason_and_nothing_is_stored(string fileName, string kind, string reason)
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);
        var page = await OpenFormAsync(client, holder.Number, CorrectionField.FatherName);
        var files = DocumentFiles();
        byte[] bytes = kind == "big" ? [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[(5 * 1024 * 1024) + 1]] : "MZ\u0090\u0000 this is a program"u8.ToArray();

        var (response, refused) = await PostAsync(client, page, "حسن", file: (fileName, bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = refused.QuerySelector("#Document-error")?.Text() ?? "";
        Assert.NotEqual("", error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(portal, holder.NationalCode));
        Assert.Equal(files, DocumentFiles());
    }

    [Fact]
    public async Task The_same_form_posted_twice_makes_one_report_and_a_second_tab_is_told_one_is_open()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);
        var page = await OpenFormAsync(client, holder.Number, CorrectionField.FatherName);
        var secondTab = await OpenFormAsync(client, holder.Number, CorrectionField.FatherName);

        var (first, _) = await PostAsync(client, page, "حسن");
        var (replay, _) = await PostAsync(client, page, "حسن");
        var (other, otherPage) = await PostAsync(client, secondTab, "حسن");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode); // the same outcome: the report it already made
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains(HolderCorrections.AlreadyOpen, Errors(otherPage), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(portal, holder.NationalCode));
        Assert.True(portal.LogsContain("posted again"));
    }

    [Fact]
    public async Task A_name_under_review_is_not_reported_again_from_another_certificate_but_each_certificates_dates_are_its_own()
    {
        var holder = await SeedHolderAsync(portal, "تهران", "اصفهان");
        var client = portal.SignedInHolder(holder.NationalCode);
        await ReportAsync(portal, holder, CorrectionField.FatherName, "حسن");
        await ReportAsync(portal, holder, CorrectionField.IssueDate, "1399/04/20");

        var (_, other) = await HtmlPage.GetAsync(client, "/my/corrections/new?certificate=" + holder.Numbers[1]);
        Assert.Equal("در حال بررسی", other.QuerySelector("[data-field=FatherName] a")!.Text());
        Assert.Equal("گزارش خطا در تاریخ صدور", other.QuerySelector("[data-field=IssueDate] a")!.Text());
        var (name, namePage) = await PostAsync(client, await OpenFormAsync(client, holder.Numbers[1], CorrectionField.FatherName), "حسن");
        var (date, _) = await PostAsync(client, await OpenFormAsync(client, holder.Numbers[1], CorrectionField.IssueDate), "1399/04/20");

        Assert.Equal(HttpStatusCode.OK, name.StatusCode);
        Assert.Contains(HolderCorrections.AlreadyOpen, Errors(namePage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, date.StatusCode);
        Assert.Equal(3, await CountAsync(portal, holder.NationalCode));
    }

    [Fact]
    public async Task Two_tabs_posting_at_the_same_moment_make_one_report()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);
        var pages = new List<AngleSharp.Dom.IDocument>();
        for (var i = 0; i < 4; i++)
        {
            pages.Add(await OpenFormAsync(client, holder.Number, CorrectionField.LastName)); // one after another: the first sets the antiforgery cookie
        }

        var responses = await Task.WhenAll(pages.Select(page => PostAsync(client, page, "کاظم‌زاده")));

        Assert.All(responses, r => Assert.True(r.Response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.Response.StatusCode.ToString()));
        Assert.Equal(1, responses.Count(r => r.Response.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(1, await CountAsync(portal, holder.NationalCode));
    }
}
