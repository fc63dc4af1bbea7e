using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.Persian;
using SkiaSharp;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// The answer letter of an agency's paper letter: the letterhead of the province's general directorate with the
/// letter's number and date, the agency as addressee, a paragraph that names the agency's letter (number, date,
/// purpose), then a table of every row in the letter's order (row, the agency's row id, the national code and
/// certificate number the agency sent, the finding), the signer, and on every page a QR code to the verify page.
/// A finding names the certificate's number, standard, issue date and status only: never the stored names (whether the
/// names the agency sent match, at most), never the program or training centre (ADR-017). Thread-safe; a singleton.
/// </summary>
public sealed class PaperLetterAnswerDocument(PdfFonts fonts)
{
    public const string Subject = "پاسخ استعلام گواهینامه‌های مهارت";

    private static readonly PdfFrame Frame = new(40);
    private const float QrSize = 70;
    private const float SignatureWidth = 210;
    private const float CellPadding = 4;

    // Right to left: row, row id, national code, certificate number, finding (the rest of the width).
    private static readonly float[] Widths = [30, 64, 74, 92];

    private static readonly PdfLetterheadColumns LetterheadColumns = new(BrandShare: 0.6f, Gap: 16, MetaOffset: 8, PdfTextAlign.Start);
    private static readonly PdfTextStyle Small = new(8f) { Color = PdfPalette.Muted, LineSpacing = 1.5f };
    private static readonly PdfTextStyle Meta = new(10f) { Color = PdfPalette.Ink, LineSpacing = 1.7f };
    private static readonly PdfTextStyle Body = new(10.5f) { Color = PdfPalette.Ink, LineSpacing = 1.85f };
    private static readonly PdfTextStyle Strong = new(10.5f, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.85f };
    private static readonly PdfTextStyle Cell = new(8.5f) { Color = PdfPalette.Ink, LineSpacing = 1.5f };
    private static readonly PdfTextStyle HeadCell = new(8.5f, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.5f };

    public byte[] Render(PaperLetter letter, string provinceName, string verificationUrl)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (!letter.IsIssued)
        {
            throw new InvalidOperationException("Only an issued answer letter is drawn.");
        }

        var issuedOn = JalaliDate.FormatPersian(DateOnly.FromDateTime(IranTime.ToIranTime(letter.IssuedAtUtc!.Value)));
        var letterhead = PdfLetterhead.Layout(fonts, Frame, LetterheadColumns, 44,
            [
                ("جمهوری اسلامی ایران", Small),
                (PdfLetterhead.MinistryName, Small),
                (PdfLetterhead.OrganizationName, new PdfTextStyle(13f, PdfFontWeight.Bold) { Color = PdfPalette.Brand }),
                (AnswerLetterText.Directorate(provinceName), new PdfTextStyle(10.5f, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.7f }),
            ],
            [
                ("شماره: " + letter.AnswerLetterNumber, Meta),
                ("تاریخ: " + issuedOn, Meta),
                ("پیوست: " + AnswerLetterText.NoAttachment, Meta),
            ]);
        var footer = Footer(letter, verificationUrl);

        var intro = new List<PdfTextBlock>
        {
            Layout(letter.AgencyName, Frame.Width, Strong),
            Layout("موضوع: " + Subject, Frame.Width, Strong),
            Layout(AnswerLetterText.Salutation, Frame.Width, Body),
            Layout(Paragraph(letter), Frame.Width, Body),
        };
        var head = Row(["ردیف", "شناسه ردیف", "کد ملی / کد یکتای اتباع", "شماره گواهینامه", "نتیجه بررسی"], HeadCell, allRtl: true);
        var rows = letter.Rows.OrderBy(r => r.RowNumber).Select(r => Row(
            [PersianText.ToPersianDigits(r.RowNumber), r.RowId ?? "—", r.NationalCode ?? r.GivenNationalCode ?? "—", r.CertificateNumber ?? r.GivenCertificateNumber ?? "—", PaperLetterFindings.Sentence(r)],
            Cell, allRtl: false)).ToList();
        var closing = Layout("نتیجه هر ردیف از سوابق این سازمان تا تاریخ این نامه است؛ وضعیت امروز هر گواهینامه در صفحه بررسی اصالت دیده می‌شود.", Frame.Width, Body);
        var signature = new List<PdfTextBlock> { Layout(PersianText.ToPersianDigits(letter.SignerName), SignatureWidth, Strong) };
        if (!string.IsNullOrWhiteSpace(letter.SignerTitle))
        {
            signature.Add(Layout(PersianText.ToPersianDigits(letter.SignerTitle), SignatureWidth, Body.WithColor(PdfPalette.Muted)));
        }

        // Place everything: the intro under the letterhead, the table (its head repeated on each page), the signature.
        var pages = new List<List<Action<PdfPage>>> { new() };
        var bottom = footer.Top - 14;
        var continuationTop = Frame.Margin + 30f;
        var y = letterhead.Bottom + 16;
        foreach (var block in intro)
        {
            var top = y;
            pages[^1].Add(page => page.DrawBlock(block, Frame.Margin, top, Frame.Width));
            y += block.Height + 6;
        }

        y += 4;
        var headTop = y;
        pages[^1].Add(page => DrawRow(page, head, headTop, PdfPalette.LabelFill));
        y += head.Height;
        foreach (var row in rows)
        {
            if (y + row.Height > bottom)
            {
                pages.Add([]);
                y = continuationTop;
                var repeatedTop = y;
                pages[^1].Add(page => DrawRow(page, head, repeatedTop, PdfPalette.LabelFill));
                y += head.Height;
            }

            var rowTop = y;
            pages[^1].Add(page => DrawRow(page, row, rowTop, null));
            y += row.Height;
        }

        y += 10;
        var tail = closing.Height + 24 + signature.Sum(b => b.Height);
        if (y + tail > bottom)
        {
            pages.Add([]);
            y = continuationTop;
        }

        var closingTop = y;
        pages[^1].Add(page => page.DrawBlock(closing, Frame.Margin, closingTop, Frame.Width));
        var signatureTop = y + closing.Height + 24;
        pages[^1].Add(page =>
        {
            var line = signatureTop;
            foreach (var block in signature)
            {
                line += page.DrawBlock(block, Frame.Margin, line, SignatureWidth, PdfTextAlign.Center);
            }
        });

        var info = new PdfDocumentInfo("نامه " + Subject + " " + letter.AnswerLetterNumber, letter.IssuedAtUtc.Value)
        {
            Author = PdfLetterhead.OrganizationName + " — " + AnswerLetterText.Directorate(provinceName),
            Subject = "شماره نامه " + letter.AnswerLetterNumber,
        };
        return PdfDocumentWriter.WriteA4(fonts, info, [.. pages.Select((actions, index) => (Action<PdfPage>)(page =>
        {
            if (index == 0)
            {
                letterhead.Draw(page);
            }
            else
            {
                page.DrawText("ادامه نامه شماره " + letter.AnswerLetterNumber + " — صفحه " + PersianText.ToPersianDigits(index + 1),
                    Frame.Margin, Frame.Margin, Frame.Width, Small.WithColor(PdfPalette.Ink));
            }

            foreach (var action in actions)
            {
                action(page);
            }

            DrawFooter(page, footer, index, pages.Count);
        }))]);
    }

    /// <summary>«بازگشت به نامه شماره … مورخ … درباره استعلام N ردیف با هدف …».</summary>
    public static string Paragraph(PaperLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return "احتراماً، بازگشت به نامه شماره " + letter.AgencyLetterNumber + " مورخ " + JalaliDate.FormatPersian(letter.AgencyLetterDate)
            + " آن سازمان درباره استعلام " + PersianText.ToPersianDigits(letter.Rows.Count) + " ردیف گواهینامه مهارت با هدف «"
            + InquiryContextRules.Title(letter.Purpose) + "»، به آگاهی می‌رساند سوابق این سازمان بررسی شد و نتیجه هر ردیف در جدول زیر آمده است:";
    }

    private PdfTextBlock Layout(string text, float width, PdfTextStyle style, TextDirection direction = TextDirection.RightToLeft) =>
        PdfTextBlock.Create(fonts, text, width, style, direction);

    private TableRow Row(string[] cells, PdfTextStyle style, bool allRtl)
    {
        var widths = ColumnWidths();
        var blocks = cells.Select((text, index) => Layout(text, widths[index] - (2 * CellPadding), style,
            !allRtl && index is 1 or 2 or 3 ? TextDirection.LeftToRight : TextDirection.RightToLeft)).ToArray();
        return new TableRow(blocks, blocks.Max(b => b.Height) + (2 * CellPadding));
    }

    private static float[] ColumnWidths() => [.. Widths, Frame.Width - Widths.Sum()];

    private static void DrawRow(PdfPage page, TableRow row, float top, SKColor? fill)
    {
        var widths = ColumnWidths();
        using var border = new SKPaint { Color = PdfPalette.Rule, StrokeWidth = 0.6f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        if (fill is { } color)
        {
            using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
            page.Canvas.DrawRect(Frame.Margin, top, Frame.Width, row.Height, paint);
        }

        var right = Frame.Right;
        for (var i = 0; i < widths.Length; i++)
        {
            var left = right - widths[i];
            page.Canvas.DrawRect(left, top, widths[i], row.Height, border);
            page.DrawBlock(row.Cells[i], left + CellPadding, top + CellPadding, widths[i] - (2 * CellPadding),
                row.Cells[i].Direction == TextDirection.LeftToRight ? PdfTextAlign.End : PdfTextAlign.Start);
            right = left;
        }
    }

    private FooterLayout Footer(PaperLetter letter, string verificationUrl)
    {
        var textWidth = Frame.Width - QrSize - 14;
        var explanation = Layout("برای بررسی اصالت این نامه، رمزینه کنار را با تلفن همراه بخوانید یا نشانی زیر را باز کنید:", textWidth, Small.WithColor(PdfPalette.Ink));
        var url = Layout(verificationUrl, textWidth, new PdfTextStyle(8.5f, PdfFontWeight.Bold) { Color = PdfPalette.Brand, LineSpacing = 1.5f }, TextDirection.LeftToRight);
        var note = Layout("این نامه در درگاه استعلام گواهینامه‌های مهارت صادر شده است. شماره " + letter.AnswerLetterNumber
            + "؛ نسخه چاپی تنها در صورتی معتبر است که با صفحه بررسی اصالت یکی باشد.", textWidth, Small);
        var height = Math.Max(QrSize, explanation.Height + url.Height + note.Height + 4);
        return new FooterLayout(explanation, url, note, verificationUrl, textWidth, Frame.Bottom - height);
    }

    private static void DrawFooter(PdfPage page, FooterLayout footer, int index, int count)
    {
        using (var rule = new SKPaint { Color = PdfPalette.Rule, StrokeWidth = 0.75f, IsAntialias = true })
        {
            page.Canvas.DrawLine(Frame.Margin, footer.Top - 8, Frame.Right, footer.Top - 8, rule);
        }

        page.DrawQrCode(footer.VerificationUrl, Frame.Right - QrSize, footer.Top, QrSize);
        var y = footer.Top + 2;
        y += page.DrawBlock(footer.Explanation, Frame.Margin, y, footer.TextWidth);
        y += page.DrawBlock(footer.Url, Frame.Margin, y, footer.TextWidth, PdfTextAlign.End);
        y += 2 + page.DrawBlock(footer.Note, Frame.Margin, y + 2, footer.TextWidth);
        if (count > 1)
        {
            page.DrawText("صفحه " + PersianText.ToPersianDigits(index + 1) + " از " + PersianText.ToPersianDigits(count), Frame.Margin, y, footer.TextWidth, Small, PdfTextAlign.End);
        }
    }

    private sealed record TableRow(PdfTextBlock[] Cells, float Height);

    private sealed record FooterLayout(PdfTextBlock Explanation, PdfTextBlock Url, PdfTextBlock Note, string VerificationUrl, float TextWidth, float Top);
}
