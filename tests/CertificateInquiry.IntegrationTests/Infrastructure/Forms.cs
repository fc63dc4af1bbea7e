using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Shell;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>Posts a page's real form as a browser would: the page is fetched, its antiforgery token read and sent back.</summary>
public static class Forms
{
    /// <summary>Posts to an action whose form appears only after another step, with the token of <paramref name="pagePath"/>'s first form.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(
        HttpClient client, string pagePath, string action, params (string Name, string Value)[] fields)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pagePath);
        var token = page.QuerySelector("form input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
        return await client.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token))));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(
        HttpClient client, string pagePath, string formAction, params (string Name, string Value)[] fields)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pagePath);
        var form = page.QuerySelector($"form[action='{formAction}']")
            ?? throw new InvalidOperationException($"No form posting to {formAction} on {pagePath}.");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The form has no antiforgery token.");
        var content = new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        var response = await client.PostAsync(formAction, content);
        return (response, await HtmlPage.ParseAsync(response));
    }
}
