using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.Persian;
using SkiaSharp;

namespace CertificateInquiry.Web.Features.Requests.Letters;

/// <summary>
/// The answer letter «پاسخ استعلام گواهینامه مهارت پیش از سال ۱۳۹۲» as an official Persian A4 letter: the
/// organization and the province's general directorate on the right, number, date and attachments on the left, the
/// addressee, subject and body (<see cref="AnswerLetterText"/>), the signer's name and title, and in the footer a QR
/// code and the address of the letter's verify page. Drawn like the other documents (ADR-003). A long rejection
/// reason continues on a second page rather than running into the footer. Thread-safe; a singleton.
/// </summary>
public sealed class AnswerLetterDocument(PdfFonts fonts)
{
    public const string Title = "نامه " + AnswerLetterText.Subject;

    private const string MinistryName = "وزارت تعاون، کار و رفاه اجتماعی";
    private const string Invocation = "بسمه تعالی";

    // Letters get wider margins than the reports: they are filed and punched.
    private const float Margin = 50;
    private const float ContentWidth = PdfDocumentWriter.A4Width - (2 * Margin);
    private const float Right = PdfDocumentWriter.A4Width - Margin;
    private const float QrSize = 74;
    private const float SignatureWidth = 210;
    private const float ParagraphGap = 7;

    private static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    private static readonly SKColor Muted = new(0x5C, 0x63, 0x6A);
    private static readonly SKColor Brand = new(0x0B, 0x4F, 0x8A);
    private static readonly SKColor Rule = new(0xCE, 0xD4, 0xDA);

    private static readonly PdfTextStyle Small = new(8.5f) { Color = Muted, LineSpacing = 1.5f };
    private static readonly PdfTextStyle Meta = new(10f) { Color = Ink, LineSpacing = 1.7f };
    private static readonly PdfTextStyle Body = new(11f) { Color = Ink, LineSpacing = 1.9f };
    private static readonly PdfTextStyle Strong = new(11f, PdfFontWeight.Bold) { Color = Ink, LineSpacing = 1.9f };

    /// <summary>Draws the letter. <paramref name="verificationUrl"/> is the absolute address of its verify page.</summary>
    public byte[] Render(AnswerLetter letter, string provinceName, string verificationUrl)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationUrl);

        var header = LayoutHeader(letter, provinceName);
        var footer = LayoutFooter(letter, verificationUrl);
        var pages = Flow(Pieces(letter), header.Height, footer.Top - 16);
        var info = new PdfDocumentInfo($"{Title} {letter.LetterNumber}", letter.IssuedAtUtc)
        {
            Author = CertificateDisclosure.OrganizationName + " — " + AnswerLetterText.Directorate(provinceName),
            Subject = "شماره نامه " + letter.LetterNumber,
        };
        return PdfDocumentWriter.WriteA4(fonts, info, pages
            .Select((placed, index) => (Action<PdfPage>)(page => DrawPage(page, letter, header, footer, placed, index, pages.Count)))
            .ToArray());
    }

    private PdfTextBlock Layout(string text, float width, PdfTextStyle style, TextDirection direction = TextDirection.RightToLeft) =>
        PdfTextBlock.Create(fonts, text, width, style, direction);

    // The letterhead: the organization on the right, number / date / attachments on the left, the invocation above.
    private Header LayoutHeader(AnswerLetter letter, string provinceName)
    {
        var brandWidth = ContentWidth * 0.6f;
        var metaWidth = ContentWidth - brandWidth - 16;
        var invocation = Layout(Invocation, ContentWidth, new PdfTextStyle(10f, PdfFontWeight.Bold) { Color = Ink });
        var brand = new[]
        {
            Layout("جمهوری اسلامی ایران", brandWidth, Small),
            Layout(MinistryName, brandWidth, Small),
            Layout(CertificateDisclosure.OrganizationName, brandWidth, new PdfTextStyle(13.5f, PdfFontWeight.Bold) { Color = Brand }),
            Layout(AnswerLetterText.Directorate(PersianText.ToPersianDigits(provinceName)), brandWidth, new PdfTextStyle(11f, PdfFontWeight.Bold) { Color = Ink, LineSpacing = 1.7f }),
        };
        var meta = new[]
        {
            Layout("شماره: " + letter.LetterNumber, metaWidth, Meta),
            Layout("تاریخ: " + AnswerLetterText.Date(letter), metaWidth, Meta),
            Layout("پیوست: " + AnswerLetterText.NoAttachment, metaWidth, Meta),
        };
        var top = 30 + invocation.Height + 4;
        var bottom = Math.Max(top + brand.Sum(b => b.Height), top + 8 + meta.Sum(m => m.Height)) + 8;
        return new Header(invocation, brand, meta, brandWidth, metaWidth, top, bottom);
    }

    private Footer LayoutFooter(AnswerLetter letter, string verificationUrl)
    {
        var textWidth = ContentWidth - QrSize - 14;
        var explanation = Layout("برای بررسی اصالت این نامه، رمزینه کنار را با تلفن همراه بخوانید یا نشانی زیر را باز کنید:", textWidth, Small.WithColor(Ink));
        var url = Layout(verificationUrl, textWidth, new PdfTextStyle(9f, PdfFontWeight.Bold) { Color = Brand, LineSpacing = 1.5f }, TextDirection.LeftToRight);
        var note = Layout(
            "این نامه به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت صادر شده است. شماره " + letter.LetterNumber
            + "؛ نسخه چاپی تنها در صورتی معتبر است که با صفحه بررسی اصالت یکی باشد.",
            textWidth,
            Small);
        var height = Math.Max(QrSize, explanation.Height + url.Height + note.Height + 4);
        var top = PdfDocumentWriter.A4Height - Margin - height;
        return new Footer(explanation, url, note, verificationUrl, textWidth, top);
    }

    // What flows down the page, in order: addressee, subject, salutation, the paragraphs, the signature.
    private List<Piece> Pieces(AnswerLetter letter)
    {
        var pieces = new List<Piece>
        {
            new(Layout(AnswerLetterText.Addressee(letter), ContentWidth, Strong), 0),
            new(Layout("موضوع: " + AnswerLetterText.Subject, ContentWidth, Strong), 8),
            new(Layout(AnswerLetterText.Salutation, ContentWidth, Body), 8),
        };
        pieces.AddRange(AnswerLetterText.Paragraphs(letter).Select(paragraph => new Piece(Layout(paragraph, ContentWidth, Body), ParagraphGap)));

        // Bottom left, centred under each other, as a signature block is placed in Persian letters.
        var signature = new List<PdfTextBlock> { Layout(PersianText.ToPersianDigits(letter.SignerName), SignatureWidth, Strong) };
        if (!string.IsNullOrWhiteSpace(letter.SignerTitle))
        {
            signature.Add(Layout(PersianText.ToPersianDigits(letter.SignerTitle), SignatureWidth, Body.WithColor(Muted)));
        }

        pieces.Add(new Piece(null, 26, signature));
        return pieces;
    }

    // Places the pieces on pages: the first page's body starts under the letterhead, later pages under a short
    // continuation line. A paragraph may break between its lines; the signature is kept whole.
    private List<List<Placed>> Flow(List<Piece> pieces, float firstTop, float bottom)
    {
        var pages = new List<List<Placed>> { new() };
        const float ContinuationTop = Margin + 34;
        var y = firstTop + 20;
        var pageTop = y;
        foreach (var piece in pieces)
        {
            if (y > pageTop)
            {
                y += piece.SpaceBefore;
            }

            if (piece.Block is null)
            {
                var height = piece.Signature!.Sum(b => b.Height);
                if (y + height > bottom)
                {
                    pages.Add([]);
                    y = pageTop = ContinuationTop;
                }

                pages[^1].Add(new Placed(null, y, piece.Signature));
                y += height;
                continue;
            }

            var block = piece.Block;
            var start = 0;
            while (start < block.LineCount)
            {
                var fitting = Math.Min(block.LineCount - start, (int)((bottom - y) / block.Style.LineHeight));
                if (fitting <= 0)
                {
                    pages.Add([]);
                    y = pageTop = ContinuationTop;
                    continue;
                }

                var slice = start == 0 && fitting == block.LineCount ? block : block.Slice(start, fitting);
                pages[^1].Add(new Placed(slice, y, null));
                y += slice.Height;
                start += fitting;
            }
        }

        return pages;
    }

    private static void DrawPage(PdfPage page, AnswerLetter letter, Header header, Footer footer, List<Placed> placed, int index, int count)
    {
        if (index == 0)
        {
            DrawHeader(page, header);
        }
        else
        {
            var continuation = "ادامه نامه شماره " + letter.LetterNumber + " — صفحه " + PersianText.ToPersianDigits(index + 1);
            var height = page.DrawText(continuation, Margin, Margin, ContentWidth, Small.WithColor(Ink));
            using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.75f, IsAntialias = true };
            page.Canvas.DrawLine(Margin, Margin + height + 6, Right, Margin + height + 6, rule);
        }

        foreach (var item in placed)
        {
            if (item.Block is { } block)
            {
                page.DrawBlock(block, Margin, item.Top, ContentWidth);
                continue;
            }

            var y = item.Top;
            foreach (var line in item.Signature!)
            {
                y += page.DrawBlock(line, Margin, y, SignatureWidth, PdfTextAlign.Center);
            }
        }

        DrawFooter(page, footer, index, count);
    }

    private static void DrawHeader(PdfPage page, Header header)
    {
        page.DrawBlock(header.Invocation, Margin, 30, ContentWidth, PdfTextAlign.Center);
        var y = header.Top;
        foreach (var block in header.Brand)
        {
            y += page.DrawBlock(block, Right - header.BrandWidth, y, header.BrandWidth);
        }

        // Number, date and attachments in a column on the left, their labels lined up.
        var metaY = header.Top + 8;
        foreach (var block in header.Meta)
        {
            metaY += page.DrawBlock(block, Margin, metaY, header.MetaWidth);
        }

        using var paint = new SKPaint { Color = Brand, StrokeWidth = 1.5f, IsAntialias = true };
        page.Canvas.DrawLine(Margin, header.Height, Right, header.Height, paint);
    }

    private static void DrawFooter(PdfPage page, Footer footer, int index, int count)
    {
        using (var rule = new SKPaint { Color = Rule, StrokeWidth = 0.75f, IsAntialias = true })
        {
            page.Canvas.DrawLine(Margin, footer.Top - 8, Right, footer.Top - 8, rule);
        }

        page.DrawQrCode(footer.VerificationUrl, Right - QrSize, footer.Top, QrSize);
        var y = footer.Top + 2;
        y += page.DrawBlock(footer.Explanation, Margin, y, footer.TextWidth);
        y += page.DrawBlock(footer.Url, Margin, y, footer.TextWidth, PdfTextAlign.End);
        y += 2 + page.DrawBlock(footer.Note, Margin, y + 2, footer.TextWidth);
        if (count > 1)
        {
            page.DrawText(
                "صفحه " + PersianText.ToPersianDigits(index + 1) + " از " + PersianText.ToPersianDigits(count),
                Margin, y, footer.TextWidth, Small, PdfTextAlign.End);
        }
    }

    private sealed record Header(
        PdfTextBlock Invocation, PdfTextBlock[] Brand, PdfTextBlock[] Meta, float BrandWidth, float MetaWidth, float Top, float Height);

    private sealed record Footer(PdfTextBlock Explanation, PdfTextBlock Url, PdfTextBlock Note, string VerificationUrl, float TextWidth, float Top);

    /// <summary>A paragraph (<see cref="Block"/>), or the signature block (<see cref="Signature"/>), and the space above it.</summary>
    private sealed record Piece(PdfTextBlock? Block, float SpaceBefore, IReadOnlyList<PdfTextBlock>? Signature = null);

    private sealed record Placed(PdfTextBlock? Block, float Top, IReadOnlyList<PdfTextBlock>? Signature);
}
