using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>Records what a page asked the network for, what failed and what the console complained about.</summary>
public sealed class PageRecorder
{
    private readonly List<string> requests = [];
    private readonly List<string> problems = [];

    public PageRecorder(IBrowserContext context)
    {
        // Context-wide, so that workers and every page opened in the context are seen too.
        context.Request += (_, request) => Add(requests, request.Url);
        context.RequestFailed += (_, request) => Add(problems, $"request failed: {request.Url} ({request.Failure})");
        context.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add(problems, $"{response.Status} for {response.Url}");
            }
        };
        context.Console += (_, message) =>
        {
            // A Content-Security-Policy violation is reported as a console error.
            if (message.Type is "error" or "warning")
            {
                Add(problems, $"console {message.Type}: {message.Text}");
            }
        };
        context.WebError += (_, error) => Add(problems, "page error: " + error.Error);
    }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    private static void Add(List<string> list, string entry)
    {
        lock (list)
        {
            list.Add(entry);
        }
    }
}
