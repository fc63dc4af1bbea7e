using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CertificateInquiry.ClusterTests;

/// <summary>Reads the portal's pages and posts their forms as a browser would, the antiforgery token of the page included.</summary>
public static class Pages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ReadAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await ReadAsync(response);
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the token of the form posting there on <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var document = await GetAsync(client, page);
        var form = document.QuerySelector($"form[action='{action}']")
            ?? throw new InvalidOperationException($"No form posting to {action} on {page}.");
        return await PostAsync(client, action, form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value"), fields);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string? token, params (string Name, string Value)[] fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
        if (token is not null)
        {
            pairs = pairs.Append(new("__RequestVerificationToken", token));
        }

        return client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }
}
