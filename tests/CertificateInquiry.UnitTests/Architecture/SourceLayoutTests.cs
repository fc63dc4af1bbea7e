using System.Text.RegularExpressions;

namespace CertificateInquiry.UnitTests.Architecture;

/// <summary>
/// A newcomer finds a type in one step: its file is named after it and its namespace follows its folder. Generated
/// migrations and Program.cs (top-level statements) aside.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly string WebProject = SourceTree.Path("src", "CertificateInquiry.Web");

    private static IReadOnlyList<string> SourceFiles() =>
    [
        .. Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(WebProject, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal)
                           && !file.StartsWith("obj/", StringComparison.Ordinal)
                           && !file.StartsWith("Data/Migrations/", StringComparison.Ordinal)
                           && file != "Program.cs")
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Every_file_holds_a_type_of_its_name()
    {
        var files = SourceFiles();
        Assert.True(files.Count > 100, "expected the portal's source files under " + WebProject);

        var misnamed = files.Where(file =>
        {
            var name = Path.GetFileNameWithoutExtension(file).Split('.')[0];
            return !TypeDeclaration().Matches(File.ReadAllText(Path.Combine(WebProject, file))).Any(m => m.Groups["name"].Value == name);
        });

        Assert.Empty(misnamed);
    }

    [Fact]
    public void Every_files_namespace_follows_its_folder()
    {
        var files = SourceFiles();
        Assert.True(files.Count > 100, "expected the portal's source files under " + WebProject);

        var misplaced = files
            .Select(file =>
            {
                var folder = Path.GetDirectoryName(file)!.Replace('/', '.');
                var expected = "CertificateInquiry.Web" + (folder.Length > 0 ? "." + folder : "");
                var declared = FileScopedNamespace().Match(File.ReadAllText(Path.Combine(WebProject, file)));
                return (file, expected, declared: declared.Success ? declared.Groups["name"].Value : "(none)");
            })
            .Where(entry => entry.declared != entry.expected)
            .Select(entry => $"{entry.file}: {entry.declared}, expected {entry.expected}");

        Assert.Empty(misplaced);
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
