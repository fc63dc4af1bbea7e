using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>
/// The staff portal (its clock can be moved forward) with what the administration tests share: signing in through the
/// real forms, a national admin with the code from their authenticator app, and reading the staff audit trail.
/// </summary>
public class AdminPortal : StaffPortal
{
    private int users;

    /// <summary>An e-mail address no other test of this portal uses.</summary>
    public string NewEmail(string prefix) => $"{prefix}.{Interlocked.Increment(ref users)}@tvto.example";

    /// <summary>A new national admin with an authenticator app, signed in with password and code, at /admin.</summary>
    public async Task<(Browser Browser, StaffUser User)> SignInNationalAdminAsync(string name = "سارا نوری")
    {
        var email = NewEmail("admin");
        var user = await CreateUserAsync(email, StaffRoles.NationalAdmin, name: name);
        var (key, _) = await EnableTwoFactorAsync(email);
        var browser = OpenBrowser();
        var (password, _) = await browser.SignInAsync(email);
        Assert.Equal("/admin/two-factor?returnUrl=%2Fadmin", StaffSignInTests.Location(password));
        var (code, _) = await Forms.SubmitAsync(browser.Client, "/admin/two-factor?returnUrl=%2Fadmin", "/admin/two-factor",
            ("Code", NextCode(key)), ("ReturnUrl", "/admin"));
        Assert.Equal("/admin", StaffSignInTests.Location(code));
        return (browser, user);
    }

    /// <summary>
    /// A new provincial user signed in: an expert with the password; a manager, who must use two-factor sign-in, with
    /// the password and the code of an authenticator app.
    /// </summary>
    public async Task<(Browser Browser, StaffUser User)> SignInProvincialAsync(string role, string province, string name = "کاربر استانی")
    {
        var email = NewEmail(role == StaffRoles.ProvincialManager ? "manager" : "expert");
        var user = await CreateUserAsync(email, role, province, name: name);
        if (role == StaffRoles.ProvincialManager)
        {
            await EnableTwoFactorAsync(email);
            return (await SignedInBrowserAsync(email), user);
        }

        var browser = OpenBrowser();
        var (response, _) = await browser.SignInAsync(email);
        Assert.Equal("/admin", StaffSignInTests.Location(response));
        return (browser, user);
    }

    /// <summary>The audit entries about one record, oldest first.</summary>
    public Task<List<StaffAuditEntry>> AuditAsync(string subjectType, string subjectId) => WithDatabaseAsync(db =>
        db.StaffAudit.AsNoTracking().Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync());

    public static int ProvinceId(string name) => Province.AllNames.ToList().IndexOf(name) + 1;
}

/// <summary>Reading pages and following the redirects of back-office forms.</summary>
public static class AdminPages
{
    public static string? Location(HttpResponseMessage response) => StaffSignInTests.Location(response);

    /// <summary>Posts a form found on <paramref name="pagePath"/> and, when it redirects, opens where it leads.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAndFollowAsync(
        HttpClient client, string pagePath, string formAction, params (string Name, string Value)[] fields)
    {
        var (response, document) = await Forms.SubmitAsync(client, pagePath, formAction, fields);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
        {
            return await HtmlPage.GetAsync(client, Location(response)!);
        }

        return (response, document);
    }

    /// <summary>The error summary's items, by the field each links to ("" for an error about no field).</summary>
    public static Dictionary<string, string> Errors(IDocument page) =>
        page.QuerySelectorAll("[data-error-summary] li")
            .Select(li => (Href: li.QuerySelector("a")?.GetAttribute("href")?.TrimStart('#') ?? "", Text: li.Text()))
            .GroupBy(e => e.Href)
            .ToDictionary(g => g.Key, g => g.First().Text);
}
