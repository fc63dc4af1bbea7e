using CertificateInquiry.Web.Infrastructure.Pdf;

namespace CertificateInquiry.UnitTests.Pdf;

/// <summary>The portal's own Vazirmatn files, found by walking up to the solution, loaded once for all PDF tests.</summary>
internal static class TestFonts
{
    public static string RepositoryRoot => SourceTree.Root;

    public static string WebRoot { get; } = Path.Combine(RepositoryRoot, "src", "CertificateInquiry.Web", "wwwroot");

    private static readonly Lazy<PdfFonts> Fonts = new(() => PdfFonts.FromWebRootPath(WebRoot));

    public static PdfFonts Shared => Fonts.Value;

}

/// <summary>
/// Runs the command-line tools that read PDFs back (poppler's pdftotext, pdftoppm, pdfimages; zbar's zbarimg). On a
/// developer's machine without them the tests that need them (each a <c>[SkippableFact]</c>) are reported as skipped,
/// with the missing tool and its package as the reason; under CI=true a missing tool fails the test, since CI installs them.
/// </summary>
internal static class PdfTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Goes on only if the tool is on the PATH: otherwise fails under CI and skips the calling test elsewhere.</summary>
    public static void Require(string tool, string package)
    {
        if (Find(tool) is not null)
        {
            return;
        }

        Assert.False(InCi, $"{tool} is missing: CI must install the Debian package {package}.");
        Skip.If(true, $"{tool} is not installed (Debian package {package}); CI runs this check.");
    }

    public static string Run(string tool, params string[] arguments)
    {
        var result = ProcessRunner.Run(Find(tool) ?? tool, arguments, timeout: TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"{tool} exited with {result.ExitCode}: {result.Errors}");
        return result.Output;
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
