using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>
/// A portal holding a known set of requests and inquiries in Tehran and Isfahan, so that every number on the dashboard
/// can be worked out by hand:
/// <list type="bullet">
/// <item>Tehran: two submitted (one overdue), one under review (overdue), three answered in the last 90 days after 2, 4
/// and 10 days, one answered 200 days ago after 1 day, one draft.</item>
/// <item>Isfahan: one waiting for more documents (not overdue), one answered after 20 days.</item>
/// <item>Inquiries today: a lookup that found the Tehran certificate, a license check that found the Isfahan one, a miss,
/// and a tracking and a report download (not lookups); five days ago a verification of the Tehran certificate; 40 days
/// ago a lookup (outside the chart).</item>
/// </list>
/// </summary>
public sealed class DashboardPortal : AdminPortal, IAsyncLifetime
{
    public const string TehranCertificate = "1403-08-900001";
    public const string IsfahanCertificate = "1403-04-900002";

    public DateOnly Today { get; private set; }

    public async Task InitializeAsync()
    {
        var now = DateTime.UtcNow;
        Today = IranTime.Today(Clock);
        var tehran = ProvinceId("تهران");
        var isfahan = ProvinceId("اصفهان");
        var csv = ImportFiles.Csv(
            ImportFiles.Row(TehranCertificate, ("province", "تهران"), ("training_center", "مرکز شماره ۱ تهران")),
            ImportFiles.Row(IsfahanCertificate));
        var imported = await WithServicesAsync(services => services.GetRequiredService<CertificateImporter>()
            .ImportAsync(new MemoryStream(csv), RecordSource.Imported, CancellationToken.None));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        await WithDatabaseAsync(async db =>
        {
            db.Requests.AddRange(
                Request(tehran, RequestStatus.Submitted, now.AddDays(-5), dueOn: Today.AddDays(-1)),
                Request(tehran, RequestStatus.Submitted, now.AddDays(-1), dueOn: Today.AddDays(2)),
                Request(tehran, RequestStatus.UnderReview, now.AddDays(-20), dueOn: Today.AddDays(-3)),
                Request(tehran, RequestStatus.Answered, now.AddDays(-30), answeredAfterDays: 2),
                Request(tehran, RequestStatus.Answered, now.AddDays(-30), answeredAfterDays: 4),
                Request(tehran, RequestStatus.Answered, now.AddDays(-60), answeredAfterDays: 10),
                Request(tehran, RequestStatus.Answered, now.AddDays(-201), answeredAfterDays: 1),
                Draft(tehran, now),
                Request(isfahan, RequestStatus.NeedsMoreDocuments, now.AddDays(-8), dueOn: Today.AddDays(5)),
                Request(isfahan, RequestStatus.Answered, now.AddDays(-40), answeredAfterDays: 20));

            var certificates = await db.Certificates.Where(c => c.Number == TehranCertificate || c.Number == IsfahanCertificate)
                .ToDictionaryAsync(c => c.Number, c => c.Id);
            db.InquiryAudit.AddRange(
                Inquiry(now, InquiryChannel.CertificateLookup, InquiryOutcome.Match, certificates[TehranCertificate]),
                Inquiry(now, InquiryChannel.LicenseCheck, InquiryOutcome.Match, certificates[IsfahanCertificate]),
                Inquiry(now, InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null),
                Inquiry(now, InquiryChannel.RequestTracking, InquiryOutcome.Match, null),
                Inquiry(now, InquiryChannel.ReportDownload, InquiryOutcome.Match, certificates[TehranCertificate]),
                Inquiry(now.AddDays(-5), InquiryChannel.Verification, InquiryOutcome.Match, certificates[TehranCertificate]),
                Inquiry(now.AddDays(-40), InquiryChannel.CertificateLookup, InquiryOutcome.Match, certificates[TehranCertificate]));
            return await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private static InquiryRequest Draft(int provinceId, DateTime now) => new()
    {
        AccessKey = Guid.NewGuid().ToString("N"),
        ProvinceId = provinceId,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
    };

    /// <summary>A request moved to <paramref name="status"/> through the domain's own moves.</summary>
    private static InquiryRequest Request(int provinceId, RequestStatus status, DateTime submittedAt, DateOnly? dueOn = null, int answeredAfterDays = 0)
    {
        var request = Draft(provinceId, submittedAt.AddHours(-1));
        request.Submit(TrackingCode.New(), submittedAt, dueOn ?? DateOnly.FromDateTime(submittedAt).AddDays(2));
        if (status == RequestStatus.Submitted)
        {
            return request;
        }

        request.MoveTo(RequestStatus.UnderReview, "staff", "کارشناس", submittedAt.AddHours(1), status == RequestStatus.UnderReview ? dueOn : null);
        switch (status)
        {
            case RequestStatus.NeedsMoreDocuments:
                request.MoveTo(RequestStatus.NeedsMoreDocuments, "staff", "کارشناس", submittedAt.AddHours(2), dueOn);
                break;
            case RequestStatus.Answered:
                request.Answer(AnswerOutcome.NotFound, null, null, "staff", "کارشناس", submittedAt.AddDays(answeredAfterDays));
                break;
        }

        return request;
    }

    private static InquiryAuditEntry Inquiry(DateTime at, InquiryChannel channel, InquiryOutcome outcome, long? certificateId) => new()
    {
        OccurredAtUtc = at,
        Channel = channel,
        Outcome = outcome,
        CertificateId = certificateId,
        ClientAddressHash = new string('a', 16),
    };
}

/// <summary>/admin/dashboard: every number, scoped by province, the charts' data equal to the tables, and who may see it.</summary>
public sealed class DashboardTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    private static Dictionary<string, string> StatusTable(IDocument page) =>
        page.QuerySelectorAll("[data-table=by-status] tbody tr").ToDictionary(row => row.GetAttribute("data-status")!, row => row.QuerySelector("td")!.Text());

    private static string Figure(IDocument page, string name) =>
        page.QuerySelector($"[data-figure={name}] .dashboard-figure__value")!.Text();

    private static JsonElement ChartData(IDocument page) => JsonDocument.Parse(page.QuerySelector("script#dashboard-data")!.TextContent).RootElement;

    private static int[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public async Task A_national_admin_sees_every_province_with_the_numbers_worked_out_by_hand()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (response, page) = await HtmlPage.GetAsync(admin.Client, "/admin/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("همه استان‌ها", page.QuerySelector("[data-dashboard-scope]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string> { ["Submitted"] = "۲", ["UnderReview"] = "۱", ["NeedsMoreDocuments"] = "۱", ["AwaitingVisit"] = "۰", ["Answered"] = "۵" },
            StatusTable(page));
        Assert.Equal("۴", Figure(page, "open"));
        Assert.Equal("۲", Figure(page, "overdue"));
        Assert.Equal("۷ روز", Figure(page, "median")); // 2, 4, 10, 20 days: the one answered 200 days ago is out
        Assert.Contains("در ۴ پاسخ", page.QuerySelector("[data-figure=median]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("۳", Figure(page, "lookups-today"));

        var provinces = page.QuerySelectorAll("[data-table=by-province] tbody tr")
            .Select(row => (row.GetAttribute("data-province"), row.QuerySelector("[data-total]")!.Text(), row.QuerySelector("[data-open]")!.Text()))
            .ToList();
        Assert.Equal([("تهران", "۷", "۳"), ("اصفهان", "۲", "۱")], provinces);

        var today = page.QuerySelector($"[data-table=lookups] tr[data-day='{JalaliDate.Format(portal.Today)}']")!;
        Assert.Equal(JalaliDate.FormatPersian(portal.Today), today.QuerySelector("th")!.Text());
        Assert.Equal(("۳", "۲"), (today.QuerySelector("[data-total]")!.Text(), today.QuerySelector("[data-found]")!.Text()));
        var fiveDaysAgo = page.QuerySelector($"[data-table=lookups] tr[data-day='{JalaliDate.Format(portal.Today.AddDays(-5))}']")!;
        Assert.Equal("۱", fiveDaysAgo.QuerySelector("[data-total]")!.Text());
        Assert.Equal(30, page.QuerySelectorAll("[data-table=lookups] tbody tr").Length);
    }

    [Fact]
    public async Task The_charts_are_drawn_from_the_same_numbers_as_the_tables()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (_, page) = await HtmlPage.GetAsync(admin.Client, "/admin/dashboard");
        var data = ChartData(page);

        Assert.Equal([2, 1, 1, 0, 5], Numbers(data.GetProperty("byStatus").GetProperty("values")));
        Assert.Equal("ثبت‌شده، در انتظار بررسی", data.GetProperty("byStatus").GetProperty("labels")[0].GetString());
        Assert.Equal(["تهران", "اصفهان"], data.GetProperty("byProvince").GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([7, 2], Numbers(data.GetProperty("byProvince").GetProperty("total")));
        Assert.Equal([3, 1], Numbers(data.GetProperty("byProvince").GetProperty("open")));
        var total = Numbers(data.GetProperty("lookups").GetProperty("total"));
        var found = Numbers(data.GetProperty("lookups").GetProperty("found"));
        Assert.Equal(30, total.Length);
        Assert.Equal((3, 2), (total[^1], found[^1]));
        Assert.Equal((1, 1), (total[^6], found[^6]));
        Assert.Equal(4, total.Sum());
        Assert.Equal(JalaliDate.FormatPersian(portal.Today)[5..], data.GetProperty("lookups").GetProperty("labels")[29].GetString());
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chartjs/chart.umd.min.']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/dashboard.']"));
        Assert.NotNull(page.QuerySelector("canvas#chart-by-status[role=img][aria-label]"));
    }

    [Fact]
    public async Task A_provincial_manager_sees_only_their_provinces_numbers()
    {
        var (manager, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialManager, "تهران", "مدیر تهران");

        var (response, page) = await HtmlPage.GetAsync(manager.Client, "/admin/dashboard");
        var data = ChartData(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("استان تهران", page.QuerySelector("[data-dashboard-scope]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string> { ["Submitted"] = "۲", ["UnderReview"] = "۱", ["NeedsMoreDocuments"] = "۰", ["AwaitingVisit"] = "۰", ["Answered"] = "۴" },
            StatusTable(page));
        Assert.Equal("۳", Figure(page, "open"));
        Assert.Equal("۲", Figure(page, "overdue"));
        Assert.Equal("۴ روز", Figure(page, "median")); // 2, 4, 10
        Assert.Equal("۱", Figure(page, "lookups-today")); // only the lookup that found the Tehran certificate
        Assert.Equal(["تهران"], page.QuerySelectorAll("[data-table=by-province] tbody tr").Select(row => row.GetAttribute("data-province")));
        Assert.Null(page.QuerySelector("canvas#chart-by-province"));
        Assert.DoesNotContain("اصفهان", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("byProvince").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("lookups").GetProperty("total").ValueKind);
        Assert.Equal(2, Numbers(data.GetProperty("lookups").GetProperty("found")).Sum()); // today and five days ago
        Assert.Null(page.QuerySelector("[data-table=lookups] [data-total]"));
    }

    [Fact]
    public async Task An_isfahan_manager_sees_isfahans()
    {
        var (manager, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialManager, "اصفهان", "مدیر اصفهان");

        var (_, page) = await HtmlPage.GetAsync(manager.Client, "/admin/dashboard");

        Assert.Equal("۱", StatusTable(page)["NeedsMoreDocuments"]);
        Assert.Equal("۰", Figure(page, "overdue"));
        Assert.Equal("۲۰ روز", Figure(page, "median"));
        Assert.Equal("۱", Figure(page, "lookups-today"));
    }

    [Fact]
    public async Task An_expert_is_refused_with_the_access_denied_page()
    {
        var (expert, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "تهران");

        var response = await expert.Client.GetAsync("/admin/dashboard");
        var (deniedResponse, denied) = await HtmlPage.GetAsync(expert.Client, Location(response)!);
        var (_, home) = await HtmlPage.GetAsync(expert.Client, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/access-denied", Location(response), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, deniedResponse.StatusCode);
        Assert.Equal("اجازه دسترسی ندارید", denied.QuerySelector("h1")!.Text());
        Assert.Null(home.QuerySelector("a[href='/admin/dashboard']"));
    }
}
