using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.Persian;
using SkiaSharp;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// The receipt «رسید ثبت درخواست استعلام گواهینامه (پیش از ۱۳۹۲)»: one A4 page in Persian with the tracking code, what
/// the applicant gave, the documents received, the fee paid and the expected answer date, and how to track the
/// request. Drawn like the verification report, with the same <see cref="PdfLetterhead"/> and <see cref="PdfFieldTable"/>.
/// Thread-safe; a singleton.
/// </summary>
public sealed class RequestReceiptDocument(PdfFonts fonts)
{
    public const string Title = "رسید ثبت درخواست استعلام گواهینامه (پیش از ۱۳۹۲)";

    private static readonly PdfFrame Frame = new(42);

    private static readonly PdfFieldTable Table = new(Frame);
    private static readonly PdfTextStyle Small = new(8.5f) { Color = PdfPalette.Muted };
    private static readonly PdfTextStyle Body = PdfFieldTable.ValueStyle;
    private static readonly PdfTextStyle Label = PdfFieldTable.LabelStyle;
    private static readonly PdfTextStyle Heading = new(12f, PdfFontWeight.Bold) { Color = PdfPalette.Brand };

    public byte[] Render(RequestReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var info = new PdfDocumentInfo($"{Title} {receipt.TrackingCode}", receipt.SubmittedAtUtc)
        {
            Author = PdfLetterhead.OrganizationName,
            Subject = "کد رهگیری " + receipt.TrackingCode,
        };
        var letterhead = PdfLetterhead.ForReport(fonts, Frame, "زمان ثبت: " + JalaliDate.FormatPersian(receipt.SubmittedAtUtc));
        return PdfDocumentWriter.WriteA4(fonts, info, page => Draw(page, letterhead, receipt));
    }

    private static void Draw(PdfPage page, PdfLetterhead letterhead, RequestReceipt receipt)
    {
        letterhead.Draw(page);
        var y = letterhead.Bottom + 12;
        y += page.DrawText(Title, Frame.Margin, y, Frame.Width, new PdfTextStyle(16, PdfFontWeight.Bold) { Color = PdfPalette.Ink }, PdfTextAlign.Center);
        y = DrawTrackingCode(page, receipt, y + 10);
        y = Table.Draw(page, Fields(receipt), y + 14);
        var footerTop = DrawFooter(page, receipt);
        DrawDocuments(page, receipt.Documents, y + 16, footerTop - 12);
    }

    // The code is what the applicant must keep: large, left to right, in a tinted box with a line on why.
    private static float DrawTrackingCode(PdfPage page, RequestReceipt receipt, float top)
    {
        const float boxWidth = 300;
        var left = (PdfDocumentWriter.A4Width - boxWidth) / 2;
        var label = page.Layout("کد رهگیری", boxWidth - 24, Label.WithColor(PdfPalette.Brand));
        var code = page.Layout(receipt.TrackingCode, boxWidth - 24, new PdfTextStyle(26, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.3f }, TextDirection.LeftToRight);
        var hint = page.Layout("این کد را نگه دارید؛ برای پیگیری درخواست به آن نیاز دارید.", boxWidth - 24, Small.WithColor(PdfPalette.Ink));
        var height = label.Height + code.Height + hint.Height + 14;

        using (var fill = new SKPaint { Color = PdfPalette.CodeFill, IsAntialias = true })
        {
            page.Canvas.DrawRoundRect(SKRect.Create(left, top, boxWidth, height), 8, 8, fill);
        }

        using (var border = new SKPaint { Color = PdfPalette.Brand, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = true })
        {
            page.Canvas.DrawRoundRect(SKRect.Create(left, top, boxWidth, height), 8, 8, border);
        }

        var y = top + 6;
        y += page.DrawBlock(label, left + 12, y, boxWidth - 24, PdfTextAlign.Center);
        y += page.DrawBlock(code, left + 12, y, boxWidth - 24, PdfTextAlign.Center);
        page.DrawBlock(hint, left + 12, y, boxWidth - 24, PdfTextAlign.Center);
        return top + height;
    }

    private static IEnumerable<PdfField> Fields(RequestReceipt receipt)
    {
        yield return new PdfField("نام متقاضی", Persian(receipt.ApplicantName));
        if (receipt.MobileMasked is not null)
        {
            yield return new PdfField("تلفن همراه", receipt.MobileMasked, TextDirection.LeftToRight);
        }

        yield return new PdfField("حرفه (استاندارد آموزشی)", Persian(receipt.Trade));
        if (receipt.ExamYear is { } examYear)
        {
            yield return new PdfField("سال آزمون", PersianText.ToPersianDigits(examYear));
        }

        if (receipt.ProvinceName is not null)
        {
            yield return new PdfField("استان صادرکننده", Persian(receipt.ProvinceName));
        }

        if (!string.IsNullOrWhiteSpace(receipt.TrainingCenter))
        {
            yield return new PdfField("مرکز آموزشی", Persian(receipt.TrainingCenter));
        }

        if (receipt.CertificateNumber is not null)
        {
            yield return new PdfField("شماره گواهینامه", receipt.CertificateNumber, TextDirection.LeftToRight);
        }

        yield return new PdfField("زمان ثبت درخواست", JalaliDate.FormatPersian(receipt.SubmittedAtUtc));
        if (receipt.FeeRials is { } fee)
        {
            yield return new PdfField("هزینه پرداخت‌شده", Rials.Format(fee));
        }

        if (receipt.BankReference is not null)
        {
            yield return new PdfField("شماره پیگیری بانک", receipt.BankReference, TextDirection.LeftToRight);
        }

        if (receipt.ExpectedAnswerOn is { } expected)
        {
            yield return new PdfField("تاریخ پیش‌بینی‌شده پاسخ", JalaliDate.FormatPersian(expected));
        }
    }

    // The documents received, one row each, down to the footer; what does not fit is counted in a last row. File
    // names are set left to right as a whole (as file names are shown everywhere), so "scan 2.png" keeps its order. A submission carries six or seven files, so this is a guard, not a layout.
    private static void DrawDocuments(PdfPage page, IReadOnlyList<ReceiptDocument> documents, float top, float bottom)
    {
        var y = top;
        y += page.DrawText("مدارک دریافت‌شده", Frame.Margin, y, Frame.Width, Heading);
        y += 4;
        if (documents.Count == 0)
        {
            page.DrawText("مدرکی دریافت نشده است.", Frame.Margin, y, Frame.Width, Body);
            return;
        }

        var rows = documents
            .Select((document, index) => Table.Layout(page, new PdfField(
                PersianText.ToPersianDigits(index + 1) + ". " + document.KindTitle, document.OriginalName, TextDirection.LeftToRight)))
            .ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var remaining = rows.Count - i;
            var more = Table.Layout(page, new PdfField("…", "و " + PersianText.ToPersianDigits(remaining) + " مدرک دیگر"));
            var roomNeeded = rows[i].Height + (remaining > 1 ? more.Height : 0);
            if (y + roomNeeded > bottom)
            {
                Table.Draw(page, more, y);
                return;
            }

            y += Table.Draw(page, rows[i], y);
        }
    }

    // Returns the top of the footer.
    private static float DrawFooter(PdfPage page, RequestReceipt receipt)
    {
        var instructions = page.Layout(
            "برای پیگیری درخواست، نشانی زیر را باز کنید و کد رهگیری و کد ملی متقاضی (برای اتباع خارجی، کد یکتای اتباع) را وارد کنید. "
            + "پیام‌های کارشناسان، مدارکی که ممکن است خواسته شود و پاسخ نهایی در همان صفحه نمایش داده می‌شود.",
            Frame.Width,
            Body);
        var url = page.Layout(receipt.TrackingUrl, Frame.Width, new PdfTextStyle(10.5f, PdfFontWeight.Bold) { Color = PdfPalette.Brand }, TextDirection.LeftToRight);
        var issuer = page.Layout(
            "این رسید به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت " + PdfLetterhead.OrganizationName + " صادر شده است.",
            Frame.Width,
            Small);
        var top = Frame.Bottom - instructions.Height - url.Height - issuer.Height - 4;

        using var rule = new SKPaint { Color = PdfPalette.Rule, StrokeWidth = 0.75f, IsAntialias = true };
        page.Canvas.DrawLine(Frame.Margin, top - 6, Frame.Right, top - 6, rule);
        var y = top;
        y += page.DrawBlock(instructions, Frame.Margin, y, Frame.Width, PdfTextAlign.Center);
        y += page.DrawBlock(url, Frame.Margin, y, Frame.Width, PdfTextAlign.Center);
        page.DrawBlock(issuer, Frame.Margin, y + 4, Frame.Width, PdfTextAlign.Center);
        return top - 6;
    }

    private static string Persian(string text) => PersianText.ToPersianDigits(text);
}
