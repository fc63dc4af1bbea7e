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
        // Asked of the document itself rather than of Playwright's lifecycle events: once in CI a link's navigation
        // finished (network idle) without Playwright ever recording "load", and the wait ran out after 30 s.
        await page.WaitForFunctionAsync("document.readyState === 'complete'", null, new() { PollingInterval = 50 });
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
}
