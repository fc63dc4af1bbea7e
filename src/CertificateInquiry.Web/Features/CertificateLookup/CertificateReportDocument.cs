using System.Globalization;
using CertificateInquiry.Web.Domain;
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
    bool IsValid,
    string IdentifierLabel = HolderIdentifier.NationalCodeLabel,
    string? NationalityName = null)
{
    // The report is drawn from what the disclosure rules give the holder, never from the stored record.
    public static CertificateReport From(CertificateDetails details, string verificationUrl, DateTime now) => new(
        ReportNumber: "R-" + now.ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + VerificationCode.New()[..6].ToUpperInvariant(),
        IssuedAtUtc: now,
        VerificationUrl: verificationUrl,
        CertificateNumber: details.Number,
        KindTitle: details.KindTitle,
        HolderFullName: details.HolderName,
        FatherName: details.FatherName!,
        NationalCodeMasked: details.NationalCodeMasked!,
        StandardTitle: details.StandardTitle,
        StandardCode: details.StandardCode!,
        StandardHours: details.StandardHours!.Value,
        ExamDate: details.ExamDate!.Value,
        IssueDate: details.IssueDate,
        ExpiryDate: details.ExpiryDate,
        IsExpired: details.Standing == StandingKind.Expired,
        ProvinceName: details.ProvinceName,
        IssuingOffice: details.IssuingOffice!,
        StatusTitle: details.StandingTitle,
        IsValid: details.Standing == StandingKind.Valid,
        IdentifierLabel: details.IdentifierLabel,
        NationalityName: details.NationalityName);
}

/// <summary>
/// The verification report «گزارش استعلام گواهینامه مهارت»: one A4 page in Persian with the certificate's fields,
/// the report's number and time of issue, and a QR code to the live verification page. Thread-safe; register as a
/// singleton beside <see cref="PdfFonts"/>.
/// </summary>
public sealed class CertificateReportDocument(PdfFonts fonts)
{
    public const string Title = "گزارش استعلام گواهینامه مهارت";

    private static readonly PdfFrame Frame = new(42);
    private const float QrSize = 100;
    private const float MinimumQrSize = 72;

    private static readonly PdfFieldTable Table = new(Frame);
    private static readonly PdfTextStyle Small = new(8.5f) { Color = PdfPalette.Muted };
    private static readonly PdfTextStyle Body = PdfFieldTable.ValueStyle;

    public byte[] Render(CertificateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var info = new PdfDocumentInfo($"{Title} {report.CertificateNumber}", report.IssuedAtUtc)
        {
            Author = PdfLetterhead.OrganizationName,
            Subject = report.KindTitle,
        };

        // The report's own number and time of issue, on the left.
        var letterhead = PdfLetterhead.ForReport(
            fonts,
            Frame,
            "شماره گزارش: " + report.ReportNumber,
            "زمان صدور: " + JalaliDate.FormatPersian(report.IssuedAtUtc));
        return PdfDocumentWriter.WriteA4(fonts, info, page => Draw(page, letterhead, report));
    }

    private static void Draw(PdfPage page, PdfLetterhead letterhead, CertificateReport report)
    {
        letterhead.Draw(page);
        var y = DrawTitle(page, report, letterhead.Bottom + 14);
        y = Table.Draw(page, Fields(report), y + 14);
        var footerTop = DrawFooter(page);
        DrawVerification(page, report, y + 18, footerTop - 14);
    }

    private static float DrawTitle(PdfPage page, CertificateReport report, float top)
    {
        var y = top;
        y += page.DrawText(Title, Frame.Margin, y, Frame.Width, new PdfTextStyle(18, PdfFontWeight.Bold) { Color = PdfPalette.Ink }, PdfTextAlign.Center);
        y += 6;

        var (tint, text) = (report.IsValid, report.IsExpired) switch
        {
            (false, _) => (PdfPalette.Revoked, $"وضعیت: {report.StatusTitle} — این {report.KindTitle} اعتبار ندارد."),
            (true, true) => (PdfPalette.Expired, $"وضعیت: {report.StatusTitle} — مهلت اعتبار این {report.KindTitle} به پایان رسیده است."),
            _ => (PdfPalette.Valid, $"وضعیت: {report.StatusTitle} — این {report.KindTitle} در سامانه ثبت شده و معتبر است."),
        };
        var block = page.Layout(text, Frame.Width - 24, new PdfTextStyle(11, PdfFontWeight.Bold) { Color = tint.Ink });
        var height = block.Height + 8;
        using (var paint = new SKPaint { Color = tint.Fill, IsAntialias = true })
        {
            page.Canvas.DrawRoundRect(SKRect.Create(Frame.Margin, y, Frame.Width, height), 6, 6, paint);
        }

        page.DrawBlock(block, Frame.Margin + 12, y + 4, Frame.Width - 24, PdfTextAlign.Center);
        return y + height;
    }

    private static IEnumerable<PdfField> Fields(CertificateReport report)
    {
        var statusColor = (!report.IsValid ? PdfPalette.Revoked : report.IsExpired ? PdfPalette.Expired : PdfPalette.Valid).Ink;
        yield return new PdfField("نوع مدرک", Persian(report.KindTitle));
        yield return new PdfField("شماره گواهینامه", report.CertificateNumber, TextDirection.LeftToRight);
        yield return new PdfField("وضعیت", Persian(report.StatusTitle), Color: statusColor);
        yield return new PdfField("نام و نام خانوادگی", Persian(report.HolderFullName));
        yield return new PdfField("نام پدر", Persian(report.FatherName));
        yield return new PdfField(report.IdentifierLabel, Persian(report.NationalCodeMasked));
        if (report.NationalityName is not null)
        {
            yield return new PdfField("ملیت", Persian(report.NationalityName));
        }

        yield return new PdfField("استاندارد آموزشی (حرفه)", Persian(report.StandardTitle));
        yield return new PdfField("کد استاندارد", report.StandardCode, TextDirection.LeftToRight);
        yield return new PdfField("مدت استاندارد", Persian(report.StandardHours.ToString(CultureInfo.InvariantCulture)) + " ساعت");
        yield return new PdfField("تاریخ آزمون", JalaliDate.FormatPersian(report.ExamDate));
        yield return new PdfField("تاریخ صدور", JalaliDate.FormatPersian(report.IssueDate));
        yield return new PdfField("تاریخ پایان اعتبار", report.ExpiryDate switch
        {
            null => "بدون تاریخ پایان",
            { } expiry when report.IsExpired => JalaliDate.FormatPersian(expiry) + " (به پایان رسیده)",
            { } expiry => JalaliDate.FormatPersian(expiry),
        }, Color: report.IsExpired ? PdfPalette.Expired.Ink : null);
        yield return new PdfField("استان صادرکننده", Persian(report.ProvinceName));
        yield return new PdfField("مرجع صادرکننده", Persian(report.IssuingOffice));
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
        var url = page.Layout(report.VerificationUrl, textWidth, new PdfTextStyle(9.5f) { Color = PdfPalette.Brand }, TextDirection.LeftToRight);
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
            "این گزارش به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت " + PdfLetterhead.OrganizationName + " صادر شده است.\n"
            + "اطلاعات این سابقه همیشه به‌صورت برخط در نشانی درج‌شده بررسی می‌شود و در صورت مغایرت، نتیجه استعلام برخط ملاک است.";
        var block = page.Layout(text, Frame.Width, Small);
        var top = Frame.Bottom - block.Height;
        using var rule = new SKPaint { Color = PdfPalette.Rule, StrokeWidth = 0.75f, IsAntialias = true };
        page.Canvas.DrawLine(Frame.Margin, top - 6, Frame.Right, top - 6, rule);
        page.DrawBlock(block, Frame.Margin, top, Frame.Width, PdfTextAlign.Center);
        return top - 6;
    }

    // Persian text is shown with Persian digits.
    private static string Persian(string text) => PersianText.ToPersianDigits(text);
}
