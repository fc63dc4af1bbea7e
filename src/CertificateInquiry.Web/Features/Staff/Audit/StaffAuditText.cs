using System.Globalization;
using System.Text.RegularExpressions;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Html;

namespace CertificateInquiry.Web.Features.Staff.Audit;

/// <summary>
/// The staff audit trail in Persian: the trail stores short stable codes (<c>request.visit.schedule</c>, <c>Submitted</c>,
/// a user's id) so that it can be queried; this class is the one place that turns them into words people read.
/// A code without a name here is shown as it is, so a new action is never hidden.
/// </summary>
public static partial class StaffAuditText
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["request.assign"] = "سپردن درخواست",
        ["request.review.start"] = "آغاز بررسی",
        ["request.documents.ask"] = "درخواست مدارک تکمیلی",
        ["request.visit.schedule"] = "تعیین زمان مراجعه یا آزمون",
        ["request.visit.reschedule"] = "تغییر زمان مراجعه یا آزمون",
        ["request.visit.cancel"] = "لغو مراجعه یا آزمون",
        ["request.visit.no-show"] = "ثبت نیامدن متقاضی",
        ["request.visit.held"] = "ثبت انجام مراجعه یا آزمون",
        ["request.note.add"] = "یادداشت داخلی",
        ["request.holder.record"] = "ثبت مشخصات دارنده از بایگانی",
        ["request.message.add"] = "پیام به متقاضی",
        ["request.answer.propose"] = "پیشنهاد پاسخ",
        ["request.answer.approve"] = "تأیید و صدور پاسخ",
        ["request.answer.return"] = "برگشت پاسخ پیشنهادی",
        ["request.document.view"] = "نمایش مدرک",
        ["request.document.download"] = "دریافت مدرک",
        ["letter.download"] = "دریافت نامه پاسخ",
        ["paper-letter.register"] = "ثبت نامه استعلام کاغذی",
        ["paper-letter.issue"] = "صدور نامه پاسخ نامه کاغذی",
        ["paper-letter.download"] = "دریافت نامه پاسخ نامه کاغذی",
        ["certificate.import"] = "ورود گواهینامه‌ها از فایل",
        ["certificate.revoke"] = "ابطال گواهینامه",
        ["certificate.restore"] = "بازگرداندن اعتبار گواهینامه",
        ["certificate.correct"] = "اصلاح گواهینامه",
        ["correction.propose"] = "پیشنهاد درباره گزارش خطا",
        ["correction.approve"] = "تأیید گزارش خطا",
        ["correction.return"] = "برگشت پیشنهاد گزارش خطا",
        ["correction.document.open"] = "نمایش مدرک گزارش خطا",
        ["tariff.create"] = "افزودن تعرفه",
        ["tariff.update"] = "تغییر تعرفه",
        ["user.create"] = "ساخت حساب کاربر",
        ["user.update"] = "ویرایش حساب کاربر",
        ["user.lock"] = "قفل کردن حساب کاربر",
        ["user.unlock"] = "باز کردن قفل حساب کاربر",
        ["user.two-factor.reset"] = "بازنشانی ورود دومرحله‌ای",
        ["user.password.change"] = "تغییر گذرواژه",
        ["user.password.reset"] = "بازنشانی گذرواژه",
        ["agency.create"] = "ثبت دستگاه استعلام‌کننده",
        ["agency.update"] = "تغییر دستگاه استعلام‌کننده",
        ["agency.secret.issue"] = "ساخت رمز تازه دستگاه",
        ["agency.secret.revoke"] = "باطل کردن رمز دستگاه",
        ["agency.suspend"] = "تعلیق دستگاه",
        ["agency.reinstate"] = "برداشتن تعلیق دستگاه",
        ["agency.keys"] = "ثبت کلیدهای عمومی دستگاه",
    };

    /// <summary>Every action code the portal records, with its Persian name.</summary>
    public static IReadOnlyDictionary<string, string> KnownActions => Actions;

    /// <summary>The Persian name of an action code, or the code itself when it has none.</summary>
    public static string Action(string code) => Actions.GetValueOrDefault(code, code);

    public static bool IsKnown(string code) => Actions.ContainsKey(code);

    /// <summary>A stored status value (an enum name, a role, an amount) in Persian, by the kind of record it belongs to.</summary>
    public static string Status(string? subjectType, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        return subjectType switch
        {
            "Request" when Enum.TryParse<RequestStatus>(value, out var status) && Enum.IsDefined(status) => RequestStatusText.Title(status),
            "Certificate" when Enum.TryParse<CertificateStatus>(value, out var status) && Enum.IsDefined(status) => CertificateTitles.Status(status),
            "StaffUser" => value switch
            {
                "Active" => "فعال",
                "Locked" => "قفل‌شده",
                "LockedOut" => "قفل موقت",
                _ => StaffRoles.PersianTitle(value),
            },
            "AgencyClient" => value switch
            {
                "Active" => "فعال",
                "Suspended" => "تعلیق‌شده",
                _ => value,
            },
            "FeeTariff" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rials) => Rials.Format(rials),
            "Correction" => value switch
            {
                "Open" => "در انتظار بررسی",
                "Proposed" => "در انتظار تأیید مدیر",
                "Corrected" => "اصلاح شد",
                "Rejected" => "رد شد",
                _ => value,
            },
            "CertificateImport" => value switch
            {
                "Imported" => "وارد شد",
                "Refused" => "پذیرفته نشد",
                _ => value,
            },
            _ => value,
        };
    }

    /// <summary>«from ← to» in Persian (read right to left), or empty when the entry is not a change of status.</summary>
    public static string Change(string? subjectType, string? from, string? to) =>
        from is null && to is null ? "" : from is null ? Status(subjectType, to) : Status(subjectType, from) + " ← " + Status(subjectType, to);

    /// <summary>
    /// A description with every code (a certificate or letter number such as <c>1386-08-004512</c>) isolated left to
    /// right, so the right-to-left line does not reverse its groups, and other digits in Persian.
    /// </summary>
    public static IHtmlContent Details(string? details)
    {
        if (string.IsNullOrEmpty(details))
        {
            return HtmlString.Empty;
        }

        // Text goes through Append (encoded by the page's own encoder), only the isolating tags through AppendHtml.
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match code in Code().Matches(details))
        {
            html.Append(PersianText.ToPersianDigits(details[at..code.Index]));
            html.AppendHtml("<bdi dir=\"ltr\">").Append(code.Value).AppendHtml("</bdi>");
            at = code.Index + code.Length;
        }

        html.Append(PersianText.ToPersianDigits(details[at..]));
        return html;
    }

    // Latin letters and digits joined by '-', '/' or '.': the shape of certificate, letter and standard numbers.
    [GeneratedRegex("[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
