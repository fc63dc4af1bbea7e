using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Admin.Certificates;
using CertificateInquiry.Web.Features.CertificateImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>/admin/certificates: finding a certificate, revoking and restoring it, and the lookup showing it at once.</summary>
public sealed class CertificateRevocationTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private const string NationalCode = "1270123459";

    /// <summary>Puts a valid license with this number in the database, through the importer.</summary>
    private async Task<long> CertificateAsync(string number)
    {
        var result = await portal.WithServicesAsync(services => services.GetRequiredService<CertificateImporter>()
            .ImportAsync(new MemoryStream(ImportFiles.Csv(ImportFiles.Row(number))), RecordSource.Imported, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
    }

    private Task<CertificateStatus> StatusAsync(long id) =>
        portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    /// <summary>What the public lookup says of the certificate's status («وضعیت»).</summary>
    private async Task<string> LookupStatusAsync(string number)
    {
        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", NationalCode), ("CertificateNumber", number));
        return page.QuerySelectorAll(".record > div").Single(row => row.QuerySelector("dt")!.Text() == "وضعیت").QuerySelector("dd")!.Text();
    }

    private static string Page(long id) => "/admin/certificates/" + id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_number_typed_in_persian_digits_opens_its_certificate_and_a_miss_says_so()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var id = await CertificateAsync("1403-04-800001");

        var found = await admin.Client.GetAsync("/admin/certificates?number=" + Uri.EscapeDataString("۱۴۰۳-۰۴-۸۰۰۰۰۱"));
        var (missResponse, miss) = await HtmlPage.GetAsync(admin.Client, "/admin/certificates?number=1403-04-899999");
        var (_, empty) = await HtmlPage.GetAsync(admin.Client, "/admin/certificates?number=");
        var (_, details) = await HtmlPage.GetAsync(admin.Client, Location(found)!);

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal(Page(id), Location(found));
        Assert.Equal(HttpStatusCode.OK, missResponse.StatusCode);
        Assert.Equal(CertificateRevocationsController.NotFoundMessage, Errors(miss)["number"]);
        Assert.Equal("1403-04-899999", miss.QuerySelector("input[name=number]")!.GetAttribute("value"));
        Assert.Equal(CertificateRevocationsController.NumberRequired, Errors(empty)["number"]);
        Assert.Equal("معتبر", details.QuerySelector("[data-status]")!.Text());
        Assert.DoesNotContain(NationalCode, details.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_with_a_reason_is_audited_listed_and_shown_by_the_lookup_at_once()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var id = await CertificateAsync("1403-04-800002");
        var before = await LookupStatusAsync("1403-04-800002");
        const string Reason = "نامه شماره ۱۲۳۴/ص مورخ ۱۴۰۵/۰۸/۱۰ دادگاه: مدرک جعلی";

        var (response, done) = await SubmitAndFollowAsync(admin.Client, Page(id), Page(id) + "/revoke", ("Reason", Reason));
        var after = await LookupStatusAsync("1403-04-800002");
        var (_, list) = await HtmlPage.GetAsync(admin.Client, "/admin/certificates");
        var entry = Assert.Single(await portal.AuditAsync(CertificateRevocations.SubjectType, id.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal("معتبر", before);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RevocationDone.Message(RevocationDone.Revoked), done.QuerySelector("[data-done]")!.Text());
        Assert.Equal("ابطال‌شده", done.QuerySelector("[data-status]")!.Text());
        Assert.Equal(CertificateStatus.Revoked, await StatusAsync(id));
        Assert.Equal("ابطال‌شده", after);
        var row = list.QuerySelector("[data-revoked] tr[data-certificate='1403-04-800002']")!;
        Assert.Contains("نامه شماره 1234/ص", row.Text(), StringComparison.Ordinal); // stored normalized: ASCII digits
        Assert.Equal(CertificateRevocations.RevokeAction, entry.Action);
        Assert.Equal(("Valid", "Revoked"), (entry.FromStatus, entry.ToStatus));
        Assert.Equal(AdminPortal.ProvinceId("اصفهان"), entry.ProvinceId);
        Assert.StartsWith("نامه شماره 1234/ص", entry.Details, StringComparison.Ordinal);
        Assert.Contains("ابطال", done.QuerySelector("[data-history]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_makes_it_valid_again_for_the_lookup()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var id = await CertificateAsync("1403-04-800003");
        await SubmitAndFollowAsync(admin.Client, Page(id), Page(id) + "/revoke", ("Reason", "اشتباه در ورود اطلاعات"));

        var (_, done) = await SubmitAndFollowAsync(admin.Client, Page(id), Page(id) + "/restore", ("Reason", ""));
        var audit = await portal.AuditAsync(CertificateRevocations.SubjectType, id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(RevocationDone.Message(RevocationDone.Restored), done.QuerySelector("[data-done]")!.Text());
        Assert.Equal(CertificateStatus.Valid, await StatusAsync(id));
        Assert.Equal("معتبر", await LookupStatusAsync("1403-04-800003"));
        Assert.Equal([CertificateRevocations.RevokeAction, CertificateRevocations.RestoreAction], audit.Select(e => e.Action));
        Assert.Equal(("Revoked", "Valid"), (audit[1].FromStatus, audit[1].ToStatus));
    }

    [Theory]
    [InlineData("", RevocationRules.ReasonRequired)]
    [InlineData("درخواست دارنده با کد ملی ۱۲۷۰۱۲۳۴۵۹", RevocationRules.ReasonHasPersonalNumber)]
    public async Task A_missing_reason_or_one_with_a_national_code_is_refused_and_nothing_changes(string reason, string message)
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var number = "1403-04-81" + (reason.Length == 0 ? "0001" : "0002");
        var id = await CertificateAsync(number);

        var (response, refused) = await Forms.SubmitAsync(admin.Client, Page(id), Page(id) + "/revoke", ("Reason", reason));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", refused.Title, StringComparison.Ordinal);
        Assert.Equal(message, Errors(refused)["Reason"]);
        Assert.Equal(CertificateStatus.Valid, await StatusAsync(id));
        Assert.Empty(await portal.AuditAsync(CertificateRevocations.SubjectType, id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_second_revocation_from_a_stale_page_changes_nothing_and_says_why()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var (other, _) = await portal.SignInNationalAdminAsync("مرتضی صالحی");
        var id = await CertificateAsync("1403-04-800004");
        var (_, stale) = await HtmlPage.GetAsync(other.Client, Page(id));
        var token = stale.QuerySelector($"form[action='{Page(id)}/revoke'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await SubmitAndFollowAsync(admin.Client, Page(id), Page(id) + "/revoke", ("Reason", "رأی کمیسیون"));
        var second = await other.Client.PostAsync(Page(id) + "/revoke", new FormUrlEncodedContent(
            [new("Reason", "همان رأی"), new("__RequestVerificationToken", token)]));
        var page = await HtmlPage.ParseAsync(second);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("پیش‌تر ابطال شده است", Errors(page)[""], StringComparison.Ordinal);
        Assert.Single(await portal.AuditAsync(CertificateRevocations.SubjectType, id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_unknown_certificate_is_not_found()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/admin/certificates/987654321")).StatusCode);
    }
}
