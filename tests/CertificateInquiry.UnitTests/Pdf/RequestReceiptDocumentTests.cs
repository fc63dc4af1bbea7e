using System.Globalization;
using System.Text;
using CertificateInquiry.UnitTests.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using Xunit.Abstractions;

namespace CertificateInquiry.UnitTests.Pdf;

public sealed class RequestReceiptDocumentTests(ITestOutputHelper output) : IDisposable
{
    private const string TrackingUrl = "https://estelam.portal.test/requests/track";

    private readonly string _folder = Directory.CreateTempSubdirectory("request-receipt-").FullName;

    private static RequestReceipt Receipt() =>
        RequestReceipt.From(RequestReceiptTests.SubmittedRequest(), new RequestServiceLevels(), TrackingUrl);

    private static byte[] Render(RequestReceipt receipt) => new RequestReceiptDocument(TestFonts.Shared).Render(receipt);

    [Fact]
    public void Renders_a_pdf_file()
    {
        var pdf = Render(Receipt());

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(pdf).TrimEnd());
    }

    [SkippableFact]
    public void Text_reads_back_in_logical_order_with_the_tracking_code_and_the_name()
    {
        PdfTools.Require("pdftotext", "poppler-utils");

        var text = WithoutBidiControls(PdfTools.Run("pdftotext", "-enc", "UTF-8", Save(Render(Receipt())), "-"));
        output.WriteLine(text);

        Assert.Contains(RequestBuilder.Code, text, StringComparison.Ordinal);
        Assert.Contains("علی رضایی", text, StringComparison.Ordinal);

        // pdftotext puts each line's runs back in its own order, so mixed-direction pieces are checked one by one.
        Assert.Contains("رسید ثبت درخواست استعلام گواهینامه (پیش از", text, StringComparison.Ordinal);
        Assert.Contains("0912***4567", text, StringComparison.Ordinal);
        Assert.Contains("۱۴۰۴/۰۹/۰۳", text, StringComparison.Ordinal); // submitted, Iran time (14:05)
        Assert.Contains("۱۴:۰۵", text, StringComparison.Ordinal);
        Assert.Contains("۱۴۰۴/۰۹/۱۵", text, StringComparison.Ordinal); // expected answer
        Assert.Contains("۲٬۵۰۰٬۰۰۰", text, StringComparison.Ordinal);
        Assert.Contains("735902118", text, StringComparison.Ordinal);
        Assert.Contains("کارت پایان خدمت یا معافیت", text, StringComparison.Ordinal);
        Assert.Contains("diploma scan 2.png", text, StringComparison.Ordinal);
        Assert.Contains("85/1234", text, StringComparison.Ordinal);
        Assert.Contains(TrackingUrl, text, StringComparison.Ordinal);
        Assert.DoesNotContain("09121234567", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_page_renders_to_an_image_kept_as_the_documentation_screenshot()
    {
        PdfTools.Require("pdftoppm", "poppler-utils");

        var png = RenderPage(Save(Render(Receipt())), 80);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, $"The page image has only {bytes.Length} bytes.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

        // The same input draws the same page, so the file in docs/ changes only when the receipt does.
        File.Copy(png, Path.Combine(TestFonts.RepositoryRoot, "docs", "screenshots", "request-receipt.png"), overwrite: true);
    }

    [SkippableFact]
    public void More_documents_than_fit_are_counted_instead_of_running_into_the_footer()
    {
        var documents = Enumerable.Range(1, 40)
            .Select(i => new ReceiptDocument("مدرک تکمیلی", $"file-{i}.pdf"))
            .ToList();
        var pdf = Render(Receipt() with { Documents = documents });

        PdfTools.Require("pdftotext", "poppler-utils");

        var text = WithoutBidiControls(PdfTools.Run("pdftotext", "-enc", "UTF-8", Save(pdf), "-"));
        Assert.Contains("مدرک دیگر", text, StringComparison.Ordinal);
        Assert.DoesNotContain("file-40.pdf", text, StringComparison.Ordinal);
        Assert.Contains(TrackingUrl, text, StringComparison.Ordinal);
        Assert.Equal("1", PdfTools.Run("pdfinfo", Save(pdf)).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim());
    }

    [Fact]
    public void A_receipt_without_optional_fields_renders()
    {
        var bare = Receipt() with
        {
            MobileMasked = null,
            ExamYear = null,
            ProvinceName = null,
            TrainingCenter = null,
            CertificateNumber = null,
            Documents = [],
            FeeRials = null,
            BankReference = null,
            ExpectedAnswerOn = null,
        };

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(Render(bare), 0, 5));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Save(byte[] pdf)
    {
        var path = Path.Combine(_folder, "receipt.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private string RenderPage(string pdf, int dpi)
    {
        var prefix = Path.Combine(_folder, "page-" + dpi);
        PdfTools.Run("pdftoppm", "-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-singlefile", pdf, prefix);
        Assert.True(File.Exists(prefix + ".png"), "pdftoppm wrote no PNG.");
        return prefix + ".png";
    }

    // pdftotext wraps right-to-left lines and embedded left-to-right pieces in embedding marks.
    private static string WithoutBidiControls(string text) =>
        new(text.Where(c => c is not ('\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')).ToArray());
}
