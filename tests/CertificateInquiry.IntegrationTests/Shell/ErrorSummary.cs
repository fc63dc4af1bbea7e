using AngleSharp.Dom;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>What every error summary must be, whatever the page: links that land on real fields, in the page's order.</summary>
public static class ErrorSummary
{
    /// <summary>The summary's link targets, checked: each id exists on the page (ids are case-sensitive) and they follow the page's order.</summary>
    public static IReadOnlyList<string> AssertLinksFollowTheFields(IDocument page)
    {
        var summary = page.QuerySelector("[data-error-summary]");
        Assert.NotNull(summary);
        var targets = summary.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.NotEmpty(targets);

        var elements = page.All.ToList();
        var positions = new List<int>();
        foreach (var id in targets)
        {
            var field = elements.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
            Assert.True(field is not null, $"The error summary links to #{id}, which is not on the page.");
            positions.Add(elements.IndexOf(field));
        }

        Assert.True(positions.SequenceEqual(positions.Order()),
            "The error summary lists the fields as " + string.Join(", ", targets) + ", not in the order of the page.");

        // Every field that shows an error beside it is in the summary: its group (fieldset or field block) holds a target.
        foreach (var error in page.QuerySelectorAll(".field-validation-error"))
        {
            var group = error.Closest("fieldset, .mb-3")!;
            Assert.True(targets.Contains(group.Id ?? "") || targets.Any(id => group.QuerySelector("#" + id) is not null),
                $"The error «{error.TextContent.Trim()}» is not in the error summary.");
        }

        return targets;
    }
}
