using System.Net.Http.Headers;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>An agency officer signed in to the portal (through helper accounts' real sign-in pages), and the portal's forms as a browser posts them.</summary>
public static class PortalOfficers
{
    /// <summary>A new agency with these scopes and quota, and a browser-like client of one of its officers, signed in.</summary>
    public static async Task<(HttpClient Client, IssuedCredentials Agency)> SignInAsync(
        PortalFactory portal, AgencyScopes scopes = AgencyClients.AllScopes, int quota = 1000)
    {
        var agency = await AgencyClients.RegisterAsync(portal, scopes, quota);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        return (await AgencyPortalUsers.SignedInAsync(portal, account), agency);
    }

    /// <summary>The fields of the page's form that posts to <paramref name="action"/>: its antiforgery token and hidden fields.</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string page, string action)
    {
        var (_, document) = await HtmlPage.GetAsync(client, page);
        var form = document.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"No form posting to {action} on {page}.");
        return HiddenFields(form);
    }

    public static Dictionary<string, string> HiddenFields(IElement form) =>
        form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);

    /// <summary>The upload form as a browser sends it: the hidden fields of a rendering, the file, and the typed fields.</summary>
    public static MultipartFormDataContent UploadForm(
        Dictionary<string, string> hidden, byte[]? file, string fileName = "list.csv", string purpose = "judicial", string caseReference = "پرونده ۱۴۰۵/۸۸")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in hidden)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
            form.Add(content, "File", fileName);
        }

        form.Add(new StringContent(purpose), "Purpose");
        form.Add(new StringContent(caseReference), "CaseReference");
        return form;
    }
}
