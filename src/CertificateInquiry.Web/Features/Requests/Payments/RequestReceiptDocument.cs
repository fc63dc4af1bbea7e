using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.Persian;
using SkiaSharp;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// The receipt «رسید ثبت درخواست استعلام گواهینامه (پیش از ۱۳۹۲)»: one A4 page in Persian with the tracking code, what
/// the applicant gave, the documents received, the fee paid and the expected answer date, and how to track the
/// request. Drawn like the verification report (<see cref="CertificateReportDocument"/>). Thread-safe; a singleton.
/// </summary>
public sealed class RequestReceiptDocument(PdfFonts fonts)
{
    public const string Title = "رسید ثبت درخواست استعلام گواهینامه (پیش از ۱۳۹۲)";

    private const string MinistryName = "وزارت تعاون، کار و رفاه اجتماعی";

    private const float Margin = 42;
    private const float ContentWidth = PdfDocumentWriter.A4Width - (2 * Margin);
    private const float Right = PdfDocumentWriter.A4Width - Margin;
    private const float LabelWidth = 150;
    private const float CellPadding = 4.5f;

    private static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    private static readonly SKColor Muted = new(0x5C, 0x63, 0x6A);
    private static readonly SKColor Brand = new(0x0B, 0x4F, 0x8A);
    private static readonly SKColor Rule = new(0xCE, 0xD4, 0xDA);
    private static readonly SKColor LabelFill = new(0xF1, 0xF4, 0xF7);
    private static readonly SKColor CodeFill = new(0xE8, 0xF1, 0xF8);

    private static readonly PdfTextStyle Small = new(8.5f) { Color = Muted };
    private static readonly PdfTextStyle Body = new(10.5f) { Color = Ink, LineSpacing = 1.55f };
    private static readonly PdfTextStyle Label = new(10f, PdfFontWeight.Bold) { Color = Ink, LineSpacing = 1.6f };
    private static readonly PdfTextStyle Heading = new(12f, PdfFontWeight.Bold) { Color = Brand };

    public byte[] Render(RequestReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var info = new PdfDocumentInfo($"{Title} {receipt.TrackingCode}", receipt.SubmittedAtUtc)
        {
            Author = CertificateDisclosure.OrganizationName,
            Subject = "کد رهگیری " + receipt.TrackingCode,
        };
        return PdfDocumentWriter.WriteA4(fonts, info, page => Draw(page, receipt));
    }

    private static void Draw(PdfPage page, RequestReceipt receipt)
    {
        var y = DrawHeader(page, receipt, 36);
        y += 12;
        y += page.DrawText(Title, Margin, y, ContentWidth, new PdfTextStyle(16, PdfFontWeight.Bold) { Color = Ink }, PdfTextAlign.Center);
        y = DrawTrackingCode(page, receipt, y + 10);
        y = DrawTable(page, Fields(receipt), y + 14);
        var footerTop = DrawFooter(page, receipt);
        DrawDocuments(page, receipt.Documents, y + 16, footerTop - 12);
    }

    private static float DrawHeader(PdfPage page, RequestReceipt receipt, float top)
    {
        var brandWidth = ContentWidth * 0.58f;
        var y = top;
        y += page.DrawText(MinistryName, Right - brandWidth, y, brandWidth, Small);
        y += page.DrawText(CertificateDisclosure.OrganizationName, Right - brandWidth, y, brandWidth, new PdfTextStyle(14, PdfFontWeight.Bold) { Color = Brand });

        var metaWidth = ContentWidth - brandWidth - 12;
        var metaTop = top + 4;
        metaTop += page.DrawText("زمان ثبت: " + JalaliDate.FormatPersian(receipt.SubmittedAtUtc), Margin, metaTop, metaWidth, Small.WithColor(Ink), PdfTextAlign.End);

        var bottom = Math.Max(y, metaTop) + 8;
        using var paint = new SKPaint { Color = Brand, StrokeWidth = 1.5f, IsAntialias = true };
        page.Canvas.DrawLine(Margin, bottom, Right, bottom, paint);
        return bottom;
    }

    // The code is what the applicant must keep: large, left to right, in a tinted box with a line on why.
    private static float DrawTrackingCode(PdfPage page, RequestReceipt receipt, float top)
    {
        const float boxWidth = 300;
        var left = (PdfDocumentWriter.A4Width - boxWidth) / 2;
        var label = page.Layout("کد رهگیری", boxWidth - 24, Label.WithColor(Brand));
        var code = page.Layout(receipt.TrackingCode, boxWidth - 24, new PdfTextStyle(26, PdfFontWeight.Bold) { Color = Ink, LineSpacing = 1.3f }, TextDirection.LeftToRight);
        var hint = page.Layout("این کد را نگه دارید؛ برای پیگیری درخواست به آن نیاز دارید.", boxWidth - 24, Small.WithColor(Ink));
        var height = label.Height + code.Height + hint.Height + 14;

        using (var fill = new SKPaint { Color = CodeFill, IsAntialias = true })
        {
            page.Canvas.DrawRoundRect(SKRect.Create(left, top, boxWidth, height), 8, 8, fill);
        }

        using (var border = new SKPaint { Color = Brand, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = true })
        {
            page.Canvas.DrawRoundRect(SKRect.Create(left, top, boxWidth, height), 8, 8, border);
        }

        var y = top + 6;
        y += page.DrawBlock(label, left + 12, y, boxWidth - 24, PdfTextAlign.Center);
        y += page.DrawBlock(code, left + 12, y, boxWidth - 24, PdfTextAlign.Center);
        page.DrawBlock(hint, left + 12, y, boxWidth - 24, PdfTextAlign.Center);
        return top + height;
    }

    private static IEnumerable<Field> Fields(RequestReceipt receipt)
    {
        yield return new Field("نام متقاضی", Persian(receipt.ApplicantName));
        if (receipt.MobileMasked is not null)
        {
            yield return new Field("تلفن همراه", receipt.MobileMasked, TextDirection.LeftToRight);
        }

        yield return new Field("حرفه (استاندارد آموزشی)", Persian(receipt.Trade));
        if (receipt.ExamYear is { } examYear)
        {
            yield return new Field("سال آزمون", PersianText.ToPersianDigits(examYear));
        }

        if (receipt.ProvinceName is not null)
        {
            yield return new Field("استان صادرکننده", Persian(receipt.ProvinceName));
        }

        if (!string.IsNullOrWhiteSpace(receipt.TrainingCenter))
        {
            yield return new Field("مرکز آموزشی", Persian(receipt.TrainingCenter));
        }

        if (receipt.CertificateNumber is not null)
        {
            yield return new Field("شماره گواهینامه", receipt.CertificateNumber, TextDirection.LeftToRight);
        }

        yield return new Field("زمان ثبت درخواست", JalaliDate.FormatPersian(receipt.SubmittedAtUtc));
        if (receipt.FeeRials is { } fee)
        {
            yield return new Field("هزینه پرداخت‌شده", Rials.Format(fee));
        }

        if (receipt.BankReference is not null)
        {
            yield return new Field("شماره پیگیری بانک", receipt.BankReference, TextDirection.LeftToRight);
        }

        if (receipt.ExpectedAnswerOn is { } expected)
        {
            yield return new Field("تاریخ پیش‌بینی‌شده پاسخ", JalaliDate.FormatPersian(expected));
        }
    }

    private static float DrawTable(PdfPage page, IEnumerable<Field> fields, float top)
    {
        var y = top;
        foreach (var field in fields)
        {
            y += DrawRow(page, LayoutRow(page, field), y);
        }

        return y;
    }

    private static Row LayoutRow(PdfPage page, Field field)
    {
        var label = page.Layout(field.Label, LabelWidth - (2 * CellPadding), Label);
        var value = page.Layout(field.Value, ContentWidth - LabelWidth - (2 * CellPadding), Body, field.Direction);
        return new Row(label, value, Math.Max(label.Height, value.Height) + (2 * CellPadding));
    }

    // A label cell on the right, the value on the left; returns the row's height.
    private static float DrawRow(PdfPage page, Row row, float y)
    {
        using var fill = new SKPaint { Color = LabelFill, IsAntialias = true };
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        page.Canvas.DrawRect(SKRect.Create(Right - LabelWidth, y, LabelWidth, row.Height), fill);
        page.Canvas.DrawRect(SKRect.Create(Margin, y, ContentWidth, row.Height), rule);
        page.Canvas.DrawLine(Right - LabelWidth, y, Right - LabelWidth, y + row.Height, rule);

        page.DrawBlock(row.Label, Right - LabelWidth + CellPadding, y + CellPadding, LabelWidth - (2 * CellPadding));
        var valueAlign = row.Value.Direction == TextDirection.LeftToRight ? PdfTextAlign.End : PdfTextAlign.Start;
        page.DrawBlock(row.Value, Margin + CellPadding, y + CellPadding, ContentWidth - LabelWidth - (2 * CellPadding), valueAlign);
        return row.Height;
    }

    // The documents received, one row each, down to the footer; what does not fit is counted in a last row. File
    // names are set left to right as a whole (as file names are shown everywhere), so "scan 2.png" keeps its order. A submission carries six or seven files, so this is a guard, not a layout.
    private static void DrawDocuments(PdfPage page, IReadOnlyList<ReceiptDocument> documents, float top, float bottom)
    {
        var y = top;
        y += page.DrawText("مدارک دریافت‌شده", Margin, y, ContentWidth, Heading);
        y += 4;
        if (documents.Count == 0)
        {
            page.DrawText("مدرکی دریافت نشده است.", Margin, y, ContentWidth, Body);
            return;
        }

        var rows = documents
            .Select((document, index) => LayoutRow(page, new Field(
                PersianText.ToPersianDigits(index + 1) + ". " + document.KindTitle, document.OriginalName, TextDirection.LeftToRight)))
            .ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var remaining = rows.Count - i;
            var more = LayoutRow(page, new Field("…", "و " + PersianText.ToPersianDigits(remaining) + " مدرک دیگر"));
            var roomNeeded = rows[i].Height + (remaining > 1 ? more.Height : 0);
            if (y + roomNeeded > bottom)
            {
                DrawRow(page, more, y);
                return;
            }

            y += DrawRow(page, rows[i], y);
        }
    }

    // Returns the top of the footer.
    private static float DrawFooter(PdfPage page, RequestReceipt receipt)
    {
        var instructions = page.Layout(
            "برای پیگیری درخواست، نشانی زیر را باز کنید و کد رهگیری و کد ملی متقاضی را وارد کنید. "
            + "پیام‌های کارشناسان، مدارکی که ممکن است خواسته شود و پاسخ نهایی در همان صفحه نمایش داده می‌شود.",
            ContentWidth,
            Body);
        var url = page.Layout(receipt.TrackingUrl, ContentWidth, new PdfTextStyle(10.5f, PdfFontWeight.Bold) { Color = Brand }, TextDirection.LeftToRight);
        var issuer = page.Layout(
            "این رسید به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت " + CertificateDisclosure.OrganizationName + " صادر شده است.",
            ContentWidth,
            Small);
        var top = PdfDocumentWriter.A4Height - Margin - instructions.Height - url.Height - issuer.Height - 4;

        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.75f, IsAntialias = true };
        page.Canvas.DrawLine(Margin, top - 6, Right, top - 6, rule);
        var y = top;
        y += page.DrawBlock(instructions, Margin, y, ContentWidth, PdfTextAlign.Center);
        y += page.DrawBlock(url, Margin, y, ContentWidth, PdfTextAlign.Center);
        page.DrawBlock(issuer, Margin, y + 4, ContentWidth, PdfTextAlign.Center);
        return top - 6;
    }

    private static string Persian(string text) => PersianText.ToPersianDigits(text);

    private sealed record Field(string Label, string Value, TextDirection Direction = TextDirection.RightToLeft);

    private sealed record Row(PdfTextBlock Label, PdfTextBlock Value, float Height);
}
