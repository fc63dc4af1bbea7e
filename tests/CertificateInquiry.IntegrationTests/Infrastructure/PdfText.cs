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
            return ProcessRunner.Run(Tool, ["-enc", "UTF-8", file, "-"]).Output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
