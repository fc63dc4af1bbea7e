using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>Fetches a page and parses it as a browser would (entities decoded), for assertions on what people see.</summary>
public static class HtmlPage
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await ParseAsync(response));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Text with runs of white space collapsed to one space.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
