using System.Text;
using CertificateInquiry.Web.Features.CertificateLookup;
using Xunit.Abstractions;

namespace CertificateInquiry.UnitTests.Pdf;

public sealed class CertificateReportDocumentTests(ITestOutputHelper output) : IDisposable
{
    private const string VerificationUrl = "https://estelam.portal.test/verify/K7QF-3M9X-TP2D";

    private readonly string _folder = Directory.CreateTempSubdirectory("certificate-report-").FullName;

    private static CertificateReport Report() => new(
        ReportNumber: "R-1404-000731",
        IssuedAtUtc: new DateTime(2025, 11, 24, 10, 35, 0, DateTimeKind.Utc),
        VerificationUrl: VerificationUrl,
        CertificateNumber: "1402-04-000102",
        KindTitle: "گواهینامه مهارت",
        HolderFullName: "علی رضایی",
        FatherName: "محمد",
        NationalCodeMasked: "۰۰۷۶***۲۱۸",
        StandardTitle: "برق‌کار ساختمان درجه 2",
        StandardCode: "7411-53-001-1",
        StandardHours: 240,
        ExamDate: new DateOnly(2023, 7, 1),
        IssueDate: new DateOnly(2023, 7, 23),
        ExpiryDate: null,
        IsExpired: false,
        ProvinceName: "تهران",
        IssuingOffice: "اداره کل آموزش فنی و حرفه‌ای استان تهران",
        StatusTitle: "معتبر",
        IsValid: true);

    private static byte[] Render(CertificateReport report) => new CertificateReportDocument(TestFonts.Shared).Render(report);

    [Fact]
    public void Renders_a_pdf_file()
    {
        var pdf = Render(Report());

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(pdf).TrimEnd());
    }

    [Fact]
    public void Renders_revoked_and_expired_records_too()
    {
        var revoked = Report() with
        {
            KindTitle = "پروانه مهارت",
            StatusTitle = "ابطال‌شده",
            IsValid = false,
            ExpiryDate = new DateOnly(2025, 1, 1),
            IsExpired = true,
        };

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(Render(revoked), 0, 5));
    }

    [Fact]
    public void Renders_from_several_threads_at_once()
    {
        var files = new byte[8][];

        Parallel.For(0, files.Length, i => files[i] = Render(Report()));

        Assert.All(files, file => Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(file, 0, 5)));
    }

    [SkippableFact]
    public void Text_reads_back_in_logical_order_with_codes_intact()
    {
        PdfTools.Require("pdftotext", "poppler-utils");

        var text = WithoutBidiControls(PdfTools.Run("pdftotext", "-enc", "UTF-8", Save(Render(Report())), "-"));
        output.WriteLine(text);

        Assert.Contains("1402-04-000102", text, StringComparison.Ordinal);
        Assert.Contains("7411-53-001-1", text, StringComparison.Ordinal);
        Assert.Contains("علی رضایی", text, StringComparison.Ordinal);
        Assert.Contains("گزارش استعلام گواهینامه مهارت", text, StringComparison.Ordinal);
        Assert.Contains("سازمان آموزش فنی و حرفه‌ای کشور", text, StringComparison.Ordinal);
        Assert.Contains("۱۴۰۲/۰۵/۰۱", text, StringComparison.Ordinal);
        Assert.Contains(VerificationUrl, text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_page_renders_to_an_image()
    {
        PdfTools.Require("pdftoppm", "poppler-utils");

        var png = RenderPage(Save(Render(Report())), 80);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, $"The page image has only {bytes.Length} bytes.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [SkippableFact]
    public void The_QR_code_is_an_image_on_the_page_that_reads_back_as_the_verification_url()
    {
        PdfTools.Require("pdfimages", "poppler-utils");
        PdfTools.Require("pdftoppm", "poppler-utils");

        var pdf = Save(Render(Report()));

        var images = PdfTools.Run("pdfimages", "-list", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, images.Length); // two heading lines, one image

        PdfTools.Require("zbarimg", "zbar-tools");

        var decoded = PdfTools.Run("zbarimg", "--quiet", "--raw", RenderPage(pdf, 150)).Trim();
        Assert.Equal(VerificationUrl, decoded);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Save(byte[] pdf)
    {
        var path = Path.Combine(_folder, "report.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private string RenderPage(string pdf, int dpi)
    {
        var prefix = Path.Combine(_folder, "page-" + dpi);
        PdfTools.Run("pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, prefix);
        Assert.True(File.Exists(prefix + ".png"), "pdftoppm wrote no PNG.");
        return prefix + ".png";
    }

    // pdftotext wraps right-to-left lines and embedded left-to-right pieces in embedding marks.
    private static string WithoutBidiControls(string text) =>
        new(text.Where(c => c is not ('\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')).ToArray());
}
