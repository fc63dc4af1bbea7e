using CertificateInquiry.Web.Domain.Requests;
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

    private const string Invocation = "بسمه تعالی";

    // Letters get wider margins than the reports: they are filed and punched.
    private static readonly PdfFrame Frame = new(50);
    private const float QrSize = 74;
    private const float SignatureWidth = 210;
    private const float ParagraphGap = 7;

    private static readonly PdfLetterheadColumns LetterheadColumns = new(BrandShare: 0.6f, Gap: 16, MetaOffset: 8, PdfTextAlign.Start);

    private static readonly PdfTextStyle Small = new(8.5f) { Color = PdfPalette.Muted, LineSpacing = 1.5f };
    private static readonly PdfTextStyle Meta = new(10f) { Color = PdfPalette.Ink, LineSpacing = 1.7f };
    private static readonly PdfTextStyle Body = new(11f) { Color = PdfPalette.Ink, LineSpacing = 1.9f };
    private static readonly PdfTextStyle Strong = new(11f, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.9f };

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
            Author = PdfLetterhead.OrganizationName + " — " + AnswerLetterText.Directorate(provinceName),
            Subject = "شماره نامه " + letter.LetterNumber,
        };
        return PdfDocumentWriter.WriteA4(fonts, info, pages
            .Select((placed, index) => (Action<PdfPage>)(page => DrawPage(page, letter, header, footer, placed, index, pages.Count)))
            .ToArray());
    }

    private PdfTextBlock Layout(string text, float width, PdfTextStyle style, TextDirection direction = TextDirection.RightToLeft) =>
        PdfTextBlock.Create(fonts, text, width, style, direction);

    // The letterhead: the organization on the right, number / date / attachments on the left (their labels lined up),
    // the invocation above.
    private Header LayoutHeader(AnswerLetter letter, string provinceName)
    {
        var invocation = Layout(Invocation, Frame.Width, new PdfTextStyle(10f, PdfFontWeight.Bold) { Color = PdfPalette.Ink });
        var letterhead = PdfLetterhead.Layout(
            fonts,
            Frame,
            LetterheadColumns,
            30 + invocation.Height + 4,
            [
                ("جمهوری اسلامی ایران", Small),
                (PdfLetterhead.MinistryName, Small),
                (PdfLetterhead.OrganizationName, new PdfTextStyle(13.5f, PdfFontWeight.Bold) { Color = PdfPalette.Brand }),
                (AnswerLetterText.Directorate(PersianText.ToPersianDigits(provinceName)), new PdfTextStyle(11f, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.7f }),
            ],
            [
                ("شماره: " + letter.LetterNumber, Meta),
                ("تاریخ: " + AnswerLetterText.Date(letter), Meta),
                ("پیوست: " + AnswerLetterText.NoAttachment, Meta),
            ]);
        return new Header(invocation, letterhead);
    }

    private Footer LayoutFooter(AnswerLetter letter, string verificationUrl)
    {
        var textWidth = Frame.Width - QrSize - 14;
        var explanation = Layout("برای بررسی اصالت این نامه، رمزینه کنار را با تلفن همراه بخوانید یا نشانی زیر را باز کنید:", textWidth, Small.WithColor(PdfPalette.Ink));
        var url = Layout(verificationUrl, textWidth, new PdfTextStyle(9f, PdfFontWeight.Bold) { Color = PdfPalette.Brand, LineSpacing = 1.5f }, TextDirection.LeftToRight);
        var note = Layout(
            "این نامه به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت صادر شده است. شماره " + letter.LetterNumber
            + "؛ نسخه چاپی تنها در صورتی معتبر است که با صفحه بررسی اصالت یکی باشد.",
            textWidth,
            Small);
        var height = Math.Max(QrSize, explanation.Height + url.Height + note.Height + 4);
        var top = Frame.Bottom - height;
        return new Footer(explanation, url, note, verificationUrl, textWidth, top);
    }

    // What flows down the page, in order: addressee, subject, salutation, the paragraphs, the signature.
    private List<Piece> Pieces(AnswerLetter letter)
    {
        var pieces = new List<Piece>
        {
            new(Layout(AnswerLetterText.Addressee(letter), Frame.Width, Strong), 0),
            new(Layout("موضوع: " + AnswerLetterText.Subject, Frame.Width, Strong), 8),
            new(Layout(AnswerLetterText.Salutation, Frame.Width, Body), 8),
        };
        pieces.AddRange(AnswerLetterText.Paragraphs(letter).Select(paragraph => new Piece(Layout(paragraph, Frame.Width, Body), ParagraphGap)));

        // Bottom left, centred under each other, as a signature block is placed in Persian letters.
        var signature = new List<PdfTextBlock> { Layout(PersianText.ToPersianDigits(letter.SignerName), SignatureWidth, Strong) };
        if (!string.IsNullOrWhiteSpace(letter.SignerTitle))
        {
            signature.Add(Layout(PersianText.ToPersianDigits(letter.SignerTitle), SignatureWidth, Body.WithColor(PdfPalette.Muted)));
        }

        pieces.Add(new Piece(null, 26, signature));
        return pieces;
    }

    // Places the pieces on pages: the first page's body starts under the letterhead, later pages under a short
    // continuation line. A paragraph may break between its lines; the signature is kept whole.
    private List<List<Placed>> Flow(List<Piece> pieces, float firstTop, float bottom)
    {
        var pages = new List<List<Placed>> { new() };
        var continuationTop = Frame.Margin + 34;
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
                    y = pageTop = continuationTop;
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
                    y = pageTop = continuationTop;
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
            var height = page.DrawText(continuation, Frame.Margin, Frame.Margin, Frame.Width, Small.WithColor(PdfPalette.Ink));
            using var rule = new SKPaint { Color = PdfPalette.Rule, StrokeWidth = 0.75f, IsAntialias = true };
            page.Canvas.DrawLine(Frame.Margin, Frame.Margin + height + 6, Frame.Right, Frame.Margin + height + 6, rule);
        }

        foreach (var item in placed)
        {
            if (item.Block is { } block)
            {
                page.DrawBlock(block, Frame.Margin, item.Top, Frame.Width);
                continue;
            }

            var y = item.Top;
            foreach (var line in item.Signature!)
            {
                y += page.DrawBlock(line, Frame.Margin, y, SignatureWidth, PdfTextAlign.Center);
            }
        }

        DrawFooter(page, footer, index, count);
    }

    private static void DrawHeader(PdfPage page, Header header)
    {
        page.DrawBlock(header.Invocation, Frame.Margin, 30, Frame.Width, PdfTextAlign.Center);
        header.Letterhead.Draw(page);
    }

    private static void DrawFooter(PdfPage page, Footer footer, int index, int count)
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
            page.DrawText(
                "صفحه " + PersianText.ToPersianDigits(index + 1) + " از " + PersianText.ToPersianDigits(count),
                Frame.Margin, y, footer.TextWidth, Small, PdfTextAlign.End);
        }
    }

    private sealed record Header(PdfTextBlock Invocation, PdfLetterhead Letterhead)
    {
        public float Height => Letterhead.Bottom;
    }

    private sealed record Footer(PdfTextBlock Explanation, PdfTextBlock Url, PdfTextBlock Note, string VerificationUrl, float TextWidth, float Top);

    /// <summary>A paragraph (<see cref="Block"/>), or the signature block (<see cref="Signature"/>), and the space above it.</summary>
    private sealed record Piece(PdfTextBlock? Block, float SpaceBefore, IReadOnlyList<PdfTextBlock>? Signature = null);

    private sealed record Placed(PdfTextBlock? Block, float Top, IReadOnlyList<PdfTextBlock>? Signature);
}
