using System.Text.RegularExpressions;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>The README as a newcomer's clone has it: links that open, tables in one piece.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = SourceTree.Root;

    private static string Readme => File.ReadAllText(Path.Combine(Root, "README.md"));

    [Fact]
    public void Every_relative_link_opens_a_file_of_the_repository()
    {
        var missing = RelativeLink().Matches(Readme)
            .Select(m => m.Groups["path"].Value)
            .Where(path => !File.Exists(Path.Combine(Root, path)) && !Directory.Exists(Path.Combine(Root, path)))
            .ToList();

        Assert.Empty(missing);
        Assert.DoesNotContain("../shared/", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void No_table_is_split_by_a_blank_line()
    {
        var lines = Readme.Split('\n');
        for (var i = 1; i < lines.Length - 1; i++)
        {
            Assert.False(
                lines[i].Trim().Length == 0 && lines[i - 1].StartsWith('|') && lines[i + 1].StartsWith('|') && !lines[i + 2 < lines.Length ? i + 2 : i].StartsWith("|---", StringComparison.Ordinal),
                $"README line {i + 1} splits a table");
        }
    }

    [Fact]
    public void It_says_how_to_run_on_another_port()
    {
        Assert.Contains("--urls http://localhost:5090", Readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\((?<path>(?!https?:|#|mailto:)[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex RelativeLink();

}
