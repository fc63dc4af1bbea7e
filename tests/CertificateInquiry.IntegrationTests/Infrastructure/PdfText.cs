using System.Diagnostics;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// A PDF's text as poppler's <c>pdftotext</c> reads it (logical Persian, as a copy and paste or an indexer would get
/// it). Without poppler the calling <c>[SkippableFact]</c> is reported as skipped, except under CI=true, where it fails.
/// </summary>
public static class PdfText
{
    private const string Tool = "/usr/bin/pdftotext";

    public static string Of(byte[] pdf)
    {
        if (!File.Exists(Tool))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "pdftotext is missing: CI must install poppler-utils.");
            Skip.If(true, "pdftotext is not installed (apt-get install poppler-utils); CI runs this check.");
        }

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo(Tool, ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
