using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>National admins browse the staff audit trail; nobody else can.</summary>
public sealed class StaffAuditPageTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [Fact]
    public async Task A_national_admin_sees_every_staff_action_newest_first_and_filters_by_request_action_and_user()
    {
        var first = await portal.SeedAsync(RequestStatus.Submitted);
        var second = await portal.SeedAsync(RequestStatus.Submitted, province: "اصفهان");
        await CasePages.ActAsync(await portal.SignedInAsync(TehranExpert), first.Id, "/start-review");
        await CasePages.ActAsync(await portal.SignedInAsync(TehranExpert), first.Id, "/notes", ("NoteText", "یادداشت"));
        await CasePages.ActAsync(await portal.SignedInAsync(IsfahanExpert), second.Id, "/start-review");
        var admin = await portal.SignedInAsync(NationalAdminEmail);

        var (response, all) = await HtmlPage.GetAsync(admin.Client, "/admin/audit");
        var (_, byRequest) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?Request=" + first.Id.ToString(CultureInfo.InvariantCulture));
        var (_, byAction) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?Action=request.review.start");
        var (_, byUser) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?User=" + portal.User(IsfahanExpert).Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = all.QuerySelectorAll("[data-audit] tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("امید نصیری", rows[0], StringComparison.Ordinal); // newest first
        Assert.Contains("یادداشت داخلی", rows[1], StringComparison.Ordinal);
        Assert.Contains("ثبت‌شده، در انتظار بررسی ← در حال بررسی", rows[2], StringComparison.Ordinal);
        Assert.Equal(2, byRequest.QuerySelectorAll("[data-audit] tbody tr").Length);
        Assert.Equal(2, byAction.QuerySelectorAll("[data-audit] tbody tr").Length);
        Assert.Single(byUser.QuerySelectorAll("[data-audit] tbody tr"));
        Assert.NotNull(all.QuerySelector($"a[href='/admin/requests/{second.Id}']"));
    }

    [Fact]
    public async Task The_trail_reads_in_persian_with_action_names_status_names_staff_names_and_isolated_codes()
    {
        var seeded = await portal.SeedAsync(RequestStatus.Submitted);
        var expert = portal.User(TehranExpert2);
        await portal.WithDatabaseAsync(async db =>
        {
            db.StaffAudit.AddRange(
                new StaffAuditEntry
                {
                    AtUtc = DateTime.UtcNow.AddMinutes(-3), UserId = "admin-1", UserName = "سارا نوری", Action = "user.lock",
                    SubjectType = "StaffUser", SubjectId = expert.Id, FromStatus = "Active", ToStatus = "Locked", Details = "حساب قفل شد.",
                },
                new StaffAuditEntry
                {
                    AtUtc = DateTime.UtcNow.AddMinutes(-2), UserId = "manager-1", UserName = "مهدی صالحی", Action = "request.answer.approve",
                    SubjectType = "Request", SubjectId = seeded.Id.ToString(CultureInfo.InvariantCulture), FromStatus = "UnderReview", ToStatus = "Answered",
                    Details = "پاسخ: گواهینامه تأیید شد، گواهینامه 1386-08-004512 (از بایگانی کاغذی)",
                },
                new StaffAuditEntry
                {
                    AtUtc = DateTime.UtcNow.AddMinutes(-1), UserId = "expert-1", UserName = "فاطمه رحیمی", Action = "request.visit.schedule",
                    SubjectType = "Request", SubjectId = seeded.Id.ToString(CultureInfo.InvariantCulture), FromStatus = "UnderReview", ToStatus = "AwaitingVisit",
                });
            return await db.SaveChangesAsync();
        });
        var admin = await portal.SignedInAsync(NationalAdminEmail);

        var (_, page) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?Request=" + seeded.Id.ToString(CultureInfo.InvariantCulture));
        var (_, userPage) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?Action=user.lock");

        var rows = page.QuerySelectorAll("[data-audit] tbody tr");
        Assert.Equal(2, rows.Length);
        var visit = rows[0];
        Assert.Equal("تعیین زمان مراجعه یا آزمون", visit.QuerySelector("td[data-label=کار]")!.Text());
        Assert.Equal("در حال بررسی ← در انتظار مراجعه یا آزمون", visit.QuerySelector("td[data-label=وضعیت]")!.Text());
        var approve = rows[1];
        Assert.Equal("تأیید و صدور پاسخ", approve.QuerySelector("td[data-label=کار]")!.Text());
        var code = approve.QuerySelector("td[data-label=شرح] bdi[dir=ltr]");
        Assert.NotNull(code);
        Assert.Equal("1386-08-004512", code.Text());
        Assert.DoesNotContain("request.", page.QuerySelector("[data-audit]")!.Text(), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("select[name=Action] option"), o => o.GetAttribute("value") == "request.visit.schedule" && o.Text() == "تعیین زمان مراجعه یا آزمون");

        var locked = Assert.Single(userPage.QuerySelectorAll("[data-audit] tbody tr"));
        Assert.Equal("قفل کردن حساب کاربر", locked.QuerySelector("td[data-label=کار]")!.Text());
        Assert.Equal("کاربر: محسن یزدانی", locked.QuerySelector("td[data-label=موضوع]")!.Text());
        Assert.Equal("فعال ← قفل‌شده", locked.QuerySelector("td[data-label=وضعیت]")!.Text());
        Assert.DoesNotContain(expert.Id, locked.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_action_code_the_portal_records_has_a_persian_name()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "src", "CertificateInquiry.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in sources)
        {
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(
                await File.ReadAllTextAsync(path), "\"((?:request|user|certificate|tariff|letter|agency)\\.[a-z][a-z.-]*)\""))
            {
                codes.Add(match.Groups[1].Value);
            }
        }

        Assert.Contains("request.visit.schedule", codes);
        Assert.All(codes, code => Assert.True(CertificateInquiry.Web.Features.Staff.Audit.StaffAuditText.IsKnown(code), code + " has no Persian name"));
    }


    [Fact]
    public async Task Provincial_managers_and_experts_are_denied_the_audit_trail()
    {
        foreach (var email in new[] { TehranManager, TehranExpert })
        {
            var response = await (await portal.SignedInAsync(email)).Client.GetAsync("/admin/audit");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/access-denied", CasePages.Location(response), StringComparison.Ordinal);
        }
    }
}
