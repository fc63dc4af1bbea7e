using System.Diagnostics;
using CertificateInquiry.Web.Infrastructure.Pdf;

namespace CertificateInquiry.UnitTests.Pdf;

/// <summary>The portal's own Vazirmatn files, found by walking up to the solution, loaded once for all PDF tests.</summary>
internal static class TestFonts
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string WebRoot { get; } = Path.Combine(RepositoryRoot, "src", "CertificateInquiry.Web", "wwwroot");

    private static readonly Lazy<PdfFonts> Fonts = new(() => PdfFonts.FromWebRootPath(WebRoot));

    public static PdfFonts Shared => Fonts.Value;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CertificateInquiry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CertificateInquiry.sln not found above " + AppContext.BaseDirectory);
    }
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
        var start = new ProcessStartInfo(Find(tool) ?? tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within 60 s.");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
