using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Shell;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// Posts a page's real form as a browser would: the page is fetched, its antiforgery token read and sent back. The
/// anonymous inquiry forms carry none (ADR-013): they are posted as they are.
/// </summary>
public static class Forms
{
    /// <summary>Posts to an action whose form appears only after another step, with the token of <paramref name="pagePath"/>'s first form if it has one.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(
        HttpClient client, string pagePath, string action, params (string Name, string Value)[] fields)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pagePath);
        var token = page.QuerySelector("form input[name='__RequestVerificationToken']")?.GetAttribute("value");
        return await client.PostAsync(action, Content(fields, token));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(
        HttpClient client, string pagePath, string formAction, params (string Name, string Value)[] fields)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pagePath);
        var form = page.QuerySelector($"form[action='{formAction}']")
            ?? throw new InvalidOperationException($"No form posting to {formAction} on {pagePath}.");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        var response = await client.PostAsync(formAction, Content(fields, token));
        return (response, await HtmlPage.ParseAsync(response));
    }

    private static FormUrlEncodedContent Content((string Name, string Value)[] fields, string? token)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
        return new FormUrlEncodedContent(token is null ? pairs : pairs.Append(new("__RequestVerificationToken", token)));
    }
}
