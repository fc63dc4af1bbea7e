using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>axe-core on the page as a person sees it now: every browser test calls it at each page it visits.</summary>
public static class Accessibility
{
    /// <summary>
    /// Fails with every axe-core violation, of any impact (best practices included), each with its rule id, impact and
    /// the selectors of the elements at fault, so the assertion message says what to fix.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        await page.WaitForDocumentCompleteAsync();
        var result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            return;
        }

        var violations = result.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help}\n" +
            string.Join('\n', violation.Nodes.Select(node => $"    {node.Target} {node.Html}")));
        Assert.Fail($"axe-core found {result.Violations.Length} violation(s) on {page.Url}:\n" + string.Join('\n', violations));
    }

    /// <summary>
    /// Until the document itself says it has loaded. Asked of the document rather than of Playwright's lifecycle events
    /// (once in CI a link's navigation went network-idle without Playwright ever recording "load", and the wait ran
    /// out after 30 s), and from here rather than with WaitForFunctionAsync, whose polling evaluates a string in the
    /// page, which the portal's Content-Security-Policy (no 'unsafe-eval') refuses.
    /// </summary>
    public static async Task WaitForDocumentCompleteAsync(this IPage page)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<string>("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                // navigating: the document asked was replaced meanwhile
            }

            if (waited.Elapsed >= TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The page did not finish loading within 30 s: " + page.Url);
            }

            await Task.Delay(50);
        }
    }
}
