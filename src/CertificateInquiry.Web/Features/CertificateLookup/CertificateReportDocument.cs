using System.Globalization;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.Persian;
using SkiaSharp;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// What the verification report shows: one certificate or licence as found by an inquiry, as the disclosure rules
/// allow (<see cref="CertificateDisclosure"/>: no training program or centre). Text is stored as typed (ASCII digits);
/// the document shows Persian digits in Persian text and keeps codes as typed.
/// </summary>
public sealed record CertificateReport(
    string ReportNumber,
    DateTime IssuedAtUtc,
    string VerificationUrl,
    string CertificateNumber,
    string KindTitle,
    string HolderFullName,
    string FatherName,
    string NationalCodeMasked,
    string StandardTitle,
    string StandardCode,
    int StandardHours,
    DateOnly ExamDate,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    bool IsExpired,
    string ProvinceName,
    string IssuingOffice,
    string StatusTitle,
    bool IsValid);

/// <summary>
/// The verification report «گزارش استعلام گواهینامه مهارت»: one A4 page in Persian with the certificate's fields,
/// the report's number and time of issue, and a QR code to the live verification page. Thread-safe; register as a
/// singleton beside <see cref="PdfFonts"/>.
/// </summary>
public sealed class CertificateReportDocument(PdfFonts fonts)
{
    public const string Title = "گزارش استعلام گواهینامه مهارت";
    private const string OrganizationName = CertificateDisclosure.OrganizationName;
    private const string MinistryName = "وزارت تعاون، کار و رفاه اجتماعی";

    private const float Margin = 42;
    private const float ContentWidth = PdfDocumentWriter.A4Width - (2 * Margin);
    private const float Right = PdfDocumentWriter.A4Width - Margin;
    private const float LabelWidth = 150;
    private const float CellPadding = 4.5f;
    private const float QrSize = 100;
    private const float MinimumQrSize = 72;

    private static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    private static readonly SKColor Muted = new(0x5C, 0x63, 0x6A);
    private static readonly SKColor Brand = new(0x0B, 0x4F, 0x8A);
    private static readonly SKColor Rule = new(0xCE, 0xD4, 0xDA);
    private static readonly SKColor LabelFill = new(0xF1, 0xF4, 0xF7);
    private static readonly SKColor ValidInk = new(0x14, 0x6C, 0x43);
    private static readonly SKColor ValidFill = new(0xE3, 0xF4, 0xEA);
    private static readonly SKColor RevokedInk = new(0xB0, 0x2A, 0x37);
    private static readonly SKColor RevokedFill = new(0xFB, 0xE7, 0xE9);
    private static readonly SKColor ExpiredInk = new(0x8A, 0x5A, 0x00);
    private static readonly SKColor ExpiredFill = new(0xFF, 0xF4, 0xD6);

    private static readonly PdfTextStyle Small = new(8.5f) { Color = Muted };
    private static readonly PdfTextStyle Body = new(10.5f) { Color = Ink, LineSpacing = 1.55f };
    private static readonly PdfTextStyle Label = new(10f, PdfFontWeight.Bold) { Color = Ink, LineSpacing = 1.6f };

    public byte[] Render(CertificateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var info = new PdfDocumentInfo($"{Title} {report.CertificateNumber}", report.IssuedAtUtc)
        {
            Author = OrganizationName,
            Subject = report.KindTitle,
        };
        return PdfDocumentWriter.WriteA4(fonts, info, page => Draw(page, report));
    }

    private static void Draw(PdfPage page, CertificateReport report)
    {
        var y = DrawHeader(page, report, 36);
        y = DrawTitle(page, report, y + 14);
        y = DrawFields(page, report, y + 14);
        var footerTop = DrawFooter(page);
        DrawVerification(page, report, y + 18, footerTop - 14);
    }

    private static float DrawHeader(PdfPage page, CertificateReport report, float top)
    {
        var brandWidth = ContentWidth * 0.58f;
        var y = top;
        y += page.DrawText(MinistryName, Right - brandWidth, y, brandWidth, Small);
        y += page.DrawText(OrganizationName, Right - brandWidth, y, brandWidth, new PdfTextStyle(14, PdfFontWeight.Bold) { Color = Brand });

        // The report's own number and time of issue, on the left.
        var metaWidth = ContentWidth - brandWidth - 12;
        var metaTop = top + 4;
        metaTop += page.DrawText("شماره گزارش: " + report.ReportNumber, Margin, metaTop, metaWidth, Small.WithColor(Ink), PdfTextAlign.End);
        metaTop += page.DrawText("زمان صدور: " + JalaliDate.FormatPersian(report.IssuedAtUtc), Margin, metaTop, metaWidth, Small.WithColor(Ink), PdfTextAlign.End);

        var bottom = Math.Max(y, metaTop) + 8;
        using var paint = new SKPaint { Color = Brand, StrokeWidth = 1.5f, IsAntialias = true };
        page.Canvas.DrawLine(Margin, bottom, Right, bottom, paint);
        return bottom;
    }

    private static float DrawTitle(PdfPage page, CertificateReport report, float top)
    {
        var y = top;
        y += page.DrawText(Title, Margin, y, ContentWidth, new PdfTextStyle(18, PdfFontWeight.Bold) { Color = Ink }, PdfTextAlign.Center);
        y += 6;

        var (ink, fill, text) = (report.IsValid, report.IsExpired) switch
        {
            (false, _) => (RevokedInk, RevokedFill, $"وضعیت: {report.StatusTitle} — این {report.KindTitle} اعتبار ندارد."),
            (true, true) => (ExpiredInk, ExpiredFill, $"وضعیت: {report.StatusTitle} — مهلت اعتبار این {report.KindTitle} به پایان رسیده است."),
            _ => (ValidInk, ValidFill, $"وضعیت: {report.StatusTitle} — این {report.KindTitle} در سامانه ثبت شده و معتبر است."),
        };
        var block = page.Layout(text, ContentWidth - 24, new PdfTextStyle(11, PdfFontWeight.Bold) { Color = ink });
        var height = block.Height + 8;
        using (var paint = new SKPaint { Color = fill, IsAntialias = true })
        {
            page.Canvas.DrawRoundRect(SKRect.Create(Margin, y, ContentWidth, height), 6, 6, paint);
        }

        page.DrawBlock(block, Margin + 12, y + 4, ContentWidth - 24, PdfTextAlign.Center);
        return y + height;
    }

    private static float DrawFields(PdfPage page, CertificateReport report, float top)
    {
        var valueLeft = Margin + CellPadding;
        var valueWidth = ContentWidth - LabelWidth - (2 * CellPadding);
        var labelLeft = Right - LabelWidth + CellPadding;
        var labelWidth = LabelWidth - (2 * CellPadding);

        using var fill = new SKPaint { Color = LabelFill, IsAntialias = true };
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };

        var y = top;
        foreach (var field in Fields(report))
        {
            var label = page.Layout(field.Label, labelWidth, Label);
            var value = page.Layout(field.Value, valueWidth, field.Color is { } color ? Body.WithColor(color) : Body, field.Direction);
            var height = Math.Max(label.Height, value.Height) + (2 * CellPadding);

            page.Canvas.DrawRect(SKRect.Create(Right - LabelWidth, y, LabelWidth, height), fill);
            page.Canvas.DrawRect(SKRect.Create(Margin, y, ContentWidth, height), rule);
            page.Canvas.DrawLine(Right - LabelWidth, y, Right - LabelWidth, y + height, rule);

            page.DrawBlock(label, labelLeft, y + CellPadding, labelWidth);
            page.DrawBlock(value, valueLeft, y + CellPadding, valueWidth, field.Direction == TextDirection.LeftToRight ? PdfTextAlign.End : PdfTextAlign.Start);
            y += height;
        }

        return y;
    }

    private static IEnumerable<Field> Fields(CertificateReport report)
    {
        var statusColor = !report.IsValid ? RevokedInk : report.IsExpired ? ExpiredInk : ValidInk;
        yield return new Field("نوع مدرک", Persian(report.KindTitle));
        yield return new Field("شماره گواهینامه", report.CertificateNumber, TextDirection.LeftToRight);
        yield return new Field("وضعیت", Persian(report.StatusTitle), Color: statusColor);
        yield return new Field("نام و نام خانوادگی", Persian(report.HolderFullName));
        yield return new Field("نام پدر", Persian(report.FatherName));
        yield return new Field("کد ملی", Persian(report.NationalCodeMasked));
        yield return new Field("استاندارد آموزشی (حرفه)", Persian(report.StandardTitle));
        yield return new Field("کد استاندارد", report.StandardCode, TextDirection.LeftToRight);
        yield return new Field("مدت استاندارد", Persian(report.StandardHours.ToString(CultureInfo.InvariantCulture)) + " ساعت");
        yield return new Field("تاریخ آزمون", JalaliDate.FormatPersian(report.ExamDate));
        yield return new Field("تاریخ صدور", JalaliDate.FormatPersian(report.IssueDate));
        yield return new Field("تاریخ پایان اعتبار", report.ExpiryDate switch
        {
            null => "بدون تاریخ پایان",
            { } expiry when report.IsExpired => JalaliDate.FormatPersian(expiry) + " (به پایان رسیده)",
            { } expiry => JalaliDate.FormatPersian(expiry),
        }, Color: report.IsExpired ? ExpiredInk : null);
        yield return new Field("استان صادرکننده", Persian(report.ProvinceName));
        yield return new Field("مرجع صادرکننده", Persian(report.IssuingOffice));
    }

    // The QR code, centred, with a line under it saying what it is for and the URL itself. The code shrinks (down to
    // a size phones still read at arm's length) when long values have pushed the table down towards the footer.
    private static void DrawVerification(PdfPage page, CertificateReport report, float top, float bottom)
    {
        const float textWidth = 400;
        var textLeft = (PdfDocumentWriter.A4Width - textWidth) / 2;
        var explanation = page.Layout(
            "برای دیدن وضعیت برخط این مدرک، رمزینه بالا را با تلفن همراه بخوانید یا نشانی زیر را باز کنید:",
            textWidth,
            Body);
        var url = page.Layout(report.VerificationUrl, textWidth, new PdfTextStyle(9.5f) { Color = Brand }, TextDirection.LeftToRight);
        var qrSize = Math.Clamp(bottom - top - explanation.Height - url.Height - 2, MinimumQrSize, QrSize);

        page.DrawQrCode(report.VerificationUrl, (PdfDocumentWriter.A4Width - qrSize) / 2, top, qrSize);
        var y = top + qrSize + 2;
        y += page.DrawBlock(explanation, textLeft, y, textWidth, PdfTextAlign.Center);
        page.DrawBlock(url, textLeft, y, textWidth, PdfTextAlign.Center);
    }

    // Returns the top of the footer.
    private static float DrawFooter(PdfPage page)
    {
        const string text =
            "این گزارش به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت " + OrganizationName + " صادر شده است.\n"
            + "اطلاعات این سابقه همیشه به‌صورت برخط در نشانی درج‌شده بررسی می‌شود و در صورت مغایرت، نتیجه استعلام برخط ملاک است.";
        var block = page.Layout(text, ContentWidth, Small);
        var top = PdfDocumentWriter.A4Height - Margin - block.Height;
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.75f, IsAntialias = true };
        page.Canvas.DrawLine(Margin, top - 6, Right, top - 6, rule);
        page.DrawBlock(block, Margin, top, ContentWidth, PdfTextAlign.Center);
        return top - 6;
    }

    // Persian text is shown with Persian digits.
    private static string Persian(string text) => PersianText.ToPersianDigits(text);

    private sealed record Field(string Label, string Value, TextDirection Direction = TextDirection.RightToLeft, SKColor? Color = null);
}
