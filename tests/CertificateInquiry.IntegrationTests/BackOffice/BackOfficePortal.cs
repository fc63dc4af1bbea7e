using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// The portal with staff in two provinces (Tehran: two experts, two managers; Isfahan: an expert and a manager) and a
/// national admin with two-factor sign-in, who all sign in through the real sign-in form.
/// </summary>
public class BackOfficePortal : StaffPortal, IAsyncLifetime
{
    public const string TehranExpert = "tehran.expert1@tvto.example";
    public const string TehranExpert2 = "tehran.expert2@tvto.example";
    public const string TehranManager = "tehran.manager1@tvto.example";
    public const string TehranManager2 = "tehran.manager2@tvto.example";
    public const string IsfahanExpert = "isfahan.expert@tvto.example";
    public const string IsfahanManager = "isfahan.manager@tvto.example";
    public const string NationalAdminEmail = "national.admin@tvto.example";

    private readonly Dictionary<string, StaffUser> users = [];

    private string? adminKey;
    private Browser? admin;

    public StaffUser User(string email) => users[email];

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return; // a PostgreSQL variant without a server: its tests skip
        }

        users[TehranExpert] = await CreateUserAsync(TehranExpert, StaffRoles.ProvincialExpert, "تهران", name: "فاطمه رحیمی");
        users[TehranExpert2] = await CreateUserAsync(TehranExpert2, StaffRoles.ProvincialExpert, "تهران", name: "محسن یزدانی");
        users[TehranManager] = await CreateUserAsync(TehranManager, StaffRoles.ProvincialManager, "تهران", name: "مهدی صالحی");
        users[TehranManager2] = await CreateUserAsync(TehranManager2, StaffRoles.ProvincialManager, "تهران", name: "لیلا سعیدی");
        users[IsfahanExpert] = await CreateUserAsync(IsfahanExpert, StaffRoles.ProvincialExpert, "اصفهان", name: "امید نصیری");
        users[IsfahanManager] = await CreateUserAsync(IsfahanManager, StaffRoles.ProvincialManager, "اصفهان", name: "نرگس جعفری");
        users[NationalAdminEmail] = await CreateUserAsync(NationalAdminEmail, StaffRoles.NationalAdmin, name: "سارا نوری");
        adminKey = (await EnableTwoFactorAsync(NationalAdminEmail)).Key;

        // Managers approve answers: they sign in with an authenticator app, as national admins do.
        foreach (var manager in (string[])[TehranManager, TehranManager2, IsfahanManager])
        {
            await EnableTwoFactorAsync(manager);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A browser signed in as <paramref name="email"/> through the sign-in form.</summary>
    public async Task<Browser> SignedInAsync(string email)
    {
        if (email == NationalAdminEmail)
        {
            // One session for the class.
            return admin ??= await SignInAdminAsync();
        }

        return await SignedInBrowserAsync(email);
    }

    private async Task<Browser> SignInAdminAsync()
    {
        var browser = OpenBrowser();
        var (password, _) = await browser.SignInAsync(NationalAdminEmail);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var (code, _) = await Forms.SubmitAsync(browser.Client, "/admin/two-factor?returnUrl=%2Fadmin", "/admin/two-factor",
            ("Code", NextCode(adminKey!)), ("ReturnUrl", "/admin"));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin/requests")).StatusCode);
        return browser;
    }

    internal Task<TrackedRequests.Seeded> SeedAsync(RequestStatus status, string province = "تهران", DateOnly? dueOn = null, string lastName = "کاظمی") =>
        TrackedRequests.SeedAsync(this, status, dueOn: dueOn, province: province, lastName: lastName);

    /// <summary>A PNG stored through the document store and attached to the request, as the citizen form does.</summary>
    public Task<long> AttachDocumentAsync(long requestId) =>
        WithServicesAsync(async services =>
        {
            var store = services.GetRequiredService<DocumentStore>();
            var png = Requests.RequestJourneyTests.Png;
            var upload = await store.SaveAsync("کارت ملی.png", new MemoryStream(png), 0, CancellationToken.None);
            var db = services.GetRequiredService<CertificateInquiry.Web.Data.AppDbContext>();
            var document = new RequestDocument
            {
                RequestId = requestId,
                Kind = DocumentKind.NationalCard,
                OriginalName = upload.Document!.DisplayName,
                StoredName = upload.Document.StoredName,
                ContentType = upload.Document.ContentType,
                Length = upload.Document.Length,
                Sha256 = upload.Document.Sha256,
                UploadedAtUtc = DateTime.UtcNow,
                UploadedInStatus = RequestStatus.Draft,
            };
            db.RequestDocuments.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });

    public Task<InquiryRequest> RequestAsync(long id) =>
        WithDatabaseAsync(db => db.Requests.AsNoTracking().Include(r => r.Messages).Include(r => r.Transitions).SingleAsync(r => r.Id == id));

    public Task<int> OutboxCountAsync(long requestId) => WithDatabaseAsync(db => db.Outbox.CountAsync(m => m.RequestId == requestId));

    public Task<List<CertificateInquiry.Web.Domain.StaffAuditEntry>> AuditAsync(long requestId) =>
        WithDatabaseAsync(db => db.StaffAudit.AsNoTracking()
            .Where(e => e.SubjectType == "Request" && e.SubjectId == requestId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());
}

/// <summary>Posting the case page's real forms: the page is fetched, and its form's antiforgery token and version sent back.</summary>
public static class CasePages
{
    public static string Path(long id) => "/admin/requests/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IDocument> OpenAsync(Browser browser, long id)
    {
        var (response, page) = await HtmlPage.GetAsync(browser.Client, Path(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    /// <summary>Fills in and posts the form of <paramref name="page"/> whose action ends with <paramref name="action"/>, keeping its version.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> PostAsync(
        Browser browser, IDocument page, string action, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelectorAll("form").SingleOrDefault(f => f.GetAttribute("action")?.EndsWith(action, StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"No form for {action} on the page.");
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("Version", form.QuerySelector("input[name='Version']")!.GetAttribute("value")!),
        };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await browser.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        return (response, await HtmlPage.ParseAsync(response));
    }

    /// <summary>Opens the case page and posts one of its forms.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> ActAsync(
        Browser browser, long id, string action, params (string Name, string Value)[] fields) =>
        await PostAsync(browser, await OpenAsync(browser, id), action, fields);

    /// <summary>
    /// Posts straight to an action (for requests the user cannot open), with the antiforgery token of the staff start
    /// page's sign-out form and the given version.
    /// </summary>
    public static Task<HttpResponseMessage> PostBlindAsync(Browser browser, string path, Guid version, params (string Name, string Value)[] fields) =>
        Forms.PostWithTokenFromAsync(browser.Client, "/admin", path, [("Version", version.ToString()), .. fields]);

    public static string? Location(HttpResponseMessage response) => StaffSignInTests.Location(response);

    public static string ErrorSummary(IDocument page) => page.QuerySelector(".error-summary")?.Text() ?? "";
}

/// <summary>The back office portal on PostgreSQL.</summary>
public sealed class PostgreSqlBackOfficePortal : BackOfficePortal
{
    protected internal override bool OnPostgreSql => true;
}
