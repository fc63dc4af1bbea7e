using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>The queue: scoped by province, never drafts; filters, Persian-normalized search, counts, overdue marks, paging.</summary>
public sealed class RequestQueueTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private static DateOnly Today => IranTime.Today(TimeProvider.System);

    private static int ProvinceId(string name) => Province.AllNames.ToList().IndexOf(name) + 1;

    private static async Task<IDocument> QueueAsync(Browser browser, string query = "")
    {
        var (response, page) = await HtmlPage.GetAsync(browser.Client, "/admin/requests" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static List<long> Ids(IDocument page) =>
        page.QuerySelectorAll("[data-queue] tr[data-request-id]")
            .Select(row => long.Parse(row.GetAttribute("data-request-id")!, CultureInfo.InvariantCulture)).ToList();

    private static string Count(IDocument page, string status) =>
        page.QuerySelector($"[data-queue-counts] a[data-status='{status}'] .queue-tabs__count")!.Text();

    [Fact]
    public async Task Provincial_staff_see_their_provinces_requests_only_national_admins_all_with_a_province_filter_and_nobody_drafts()
    {
        var tehran = await portal.SeedAsync(RequestStatus.Submitted);
        var isfahan = await portal.SeedAsync(RequestStatus.Submitted, province: "اصفهان");
        var draftId = await portal.WithDatabaseAsync(async db =>
        {
            var draft = new InquiryRequest { AccessKey = Guid.NewGuid().ToString("N"), ProvinceId = ProvinceId("تهران"), LastName = "پیش‌نویس", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.Requests.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        string Search(string text) => "?Q=" + Uri.EscapeDataString(text);
        var tehranExpert = await portal.SignedInAsync(TehranExpert);
        var isfahanManager = await portal.SignedInAsync(IsfahanManager);
        var admin = await portal.SignedInAsync(NationalAdminEmail);
        var isfahanId = ProvinceId("اصفهان").ToString(CultureInfo.InvariantCulture);

        Assert.Equal([tehran.Id], Ids(await QueueAsync(tehranExpert, Search(tehran.TrackingCode))));
        Assert.Empty(Ids(await QueueAsync(tehranExpert, Search(isfahan.TrackingCode))));
        Assert.Equal([isfahan.Id], Ids(await QueueAsync(isfahanManager, Search(isfahan.TrackingCode))));
        Assert.Empty(Ids(await QueueAsync(isfahanManager, Search(tehran.TrackingCode))));
        Assert.Equal([tehran.Id], Ids(await QueueAsync(admin, Search(tehran.TrackingCode))));
        Assert.Equal([isfahan.Id], Ids(await QueueAsync(admin, Search(isfahan.TrackingCode))));
        Assert.Empty(Ids(await QueueAsync(admin, Search(tehran.TrackingCode) + "&Province=" + isfahanId)));
        var isfahanOnly = await QueueAsync(admin, "?Province=" + isfahanId);
        Assert.Contains(isfahan.Id, Ids(isfahanOnly));
        Assert.DoesNotContain(tehran.Id, Ids(isfahanOnly));

        // A provincial user's province filter is ignored: their own province is all they get.
        Assert.Empty(Ids(await QueueAsync(tehranExpert, Search(isfahan.TrackingCode) + "&Province=" + isfahanId)));
        Assert.Empty(Ids(await QueueAsync(tehranExpert, Search("پیش‌نویس"))));
        Assert.Empty(Ids(await QueueAsync(admin, Search("پیش‌نویس"))));
        Assert.DoesNotContain(draftId, Ids(await QueueAsync(admin, "?Sort=newest")));
        Assert.NotNull(isfahanOnly.QuerySelector("select[name=Province]"));
        Assert.Null((await QueueAsync(tehranExpert)).QuerySelector("select[name=Province]"));
    }

    [Fact]
    public async Task Search_finds_by_tracking_code_national_code_or_name_whatever_the_letters_and_digits_typed()
    {
        var karimi = await portal.SeedAsync(RequestStatus.UnderReview, lastName: "کریمی‌نژاد");
        var other = await portal.SeedAsync(RequestStatus.UnderReview, lastName: "موسوی");
        var expert = await portal.SignedInAsync(TehranExpert);

        var byArabicLetters = Ids(await QueueAsync(expert, "?Q=" + Uri.EscapeDataString("رضا  كريمي")));
        var byTrackingCode = Ids(await QueueAsync(expert, "?Q=" + Uri.EscapeDataString(PersianText.ToPersianDigits(karimi.TrackingCode))));
        var byNationalCode = Ids(await QueueAsync(expert, "?Q=" + karimi.NationalCode));
        var nobody = await QueueAsync(expert, "?Q=" + Uri.EscapeDataString("احمدی"));

        Assert.Equal([karimi.Id], byArabicLetters);
        Assert.Equal([karimi.Id], byTrackingCode);
        Assert.Equal([karimi.Id], byNationalCode);
        Assert.Empty(Ids(nobody));
        Assert.Contains("درخواستی با این مشخصات نیست.", nobody.QuerySelector(".queue-total")!.Text(), StringComparison.Ordinal);
        Assert.NotEqual(karimi.Id, other.Id);
    }

    [Fact]
    public async Task Counts_per_status_overdue_marks_and_the_status_overdue_assignment_date_and_sort_filters()
    {
        // A province of its own, so that other tests' requests do not change the counts.
        await portal.CreateUserAsync("yazd.expert@tvto.example", StaffRoles.ProvincialExpert, "یزد", name: "رضا یزدی");
        var expert = await portal.SignedInAsync("yazd.expert@tvto.example");
        var submitted = await portal.SeedAsync(RequestStatus.Submitted, "یزد", dueOn: Today.AddDays(2));
        var overdue = await portal.SeedAsync(RequestStatus.UnderReview, "یزد", dueOn: Today.AddDays(-1));
        var onTime = await portal.SeedAsync(RequestStatus.UnderReview, "یزد", dueOn: Today.AddDays(3));
        var waiting = await portal.SeedAsync(RequestStatus.NeedsMoreDocuments, "یزد");
        await CasePages.ActAsync(expert, onTime.Id, "/assign", ("AssignTo", "me"));

        var all = await QueueAsync(expert);
        Assert.Equal(("۱", "۲", "۱", "۱"), (Count(all, "Submitted"), Count(all, "UnderReview"), Count(all, "NeedsMoreDocuments"), Count(all, "overdue")));
        Assert.Equal("۰", Count(all, "Answered"));
        var overdueRow = all.QuerySelector($"tr[data-request-id='{overdue.Id}']")!;
        Assert.Contains("queue-table__row--overdue", overdueRow.ClassName, StringComparison.Ordinal);
        Assert.NotNull(overdueRow.QuerySelector("[data-overdue]"));
        Assert.Null(all.QuerySelector($"tr[data-request-id='{onTime.Id}'] [data-overdue]"));
        Assert.Equal([submitted.Id, overdue.Id, onTime.Id, waiting.Id], Ids(all)); // oldest first, then by id

        Assert.Equal([overdue.Id, onTime.Id], Ids(await QueueAsync(expert, "?Status=UnderReview")));
        Assert.Equal([overdue.Id], Ids(await QueueAsync(expert, "?Overdue=true")));
        Assert.Equal([onTime.Id], Ids(await QueueAsync(expert, "?Assigned=me")));
        Assert.DoesNotContain(onTime.Id, Ids(await QueueAsync(expert, "?Assigned=nobody")));
        Assert.Equal([overdue.Id, submitted.Id, onTime.Id, waiting.Id], Ids(await QueueAsync(expert, "?Sort=due")));

        // Seeded requests were submitted six days ago (Iran time).
        var weekAgo = Uri.EscapeDataString(PersianText.ToPersianDigits(JalaliDate.Format(Today.AddDays(-7))));
        var yesterday = Uri.EscapeDataString(JalaliDate.Format(Today.AddDays(-1)));
        Assert.Equal(4, Ids(await QueueAsync(expert, "?From=" + weekAgo + "&To=" + yesterday)).Count);
        Assert.Empty(Ids(await QueueAsync(expert, "?From=" + yesterday)));
        var badDate = await QueueAsync(expert, "?From=1405-13-40");
        Assert.Equal("#From", badDate.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(4, Ids(badDate).Count);
    }

    [Fact]
    public async Task Pages_hold_twenty_five_requests_and_link_to_each_other()
    {
        await portal.CreateUserAsync("qom.expert@tvto.example", StaffRoles.ProvincialExpert, "قم", name: "علی قمی");
        var expert = await portal.SignedInAsync("qom.expert@tvto.example");
        for (var i = 0; i < 27; i++)
        {
            await portal.SeedAsync(RequestStatus.Submitted, "قم");
        }

        var first = await QueueAsync(expert);
        var second = await QueueAsync(expert, first.QuerySelector("[data-pager] a[rel=next]")!.GetAttribute("href")!["/admin/requests".Length..]);

        Assert.Equal(25, Ids(first).Count);
        Assert.Equal(2, Ids(second).Count);
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.Contains("صفحه ۲ از ۲", second.QuerySelector(".queue-total")!.Text(), StringComparison.Ordinal);
    }
}
