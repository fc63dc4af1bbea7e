using System.Globalization;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// A row's finding, written and read in one place: what is copied into the row when it is answered (what the agency is
/// told of a certificate, never the stored names, never the program or training centre, ADR-017), and its words on the
/// pages and in the answer letter.
/// </summary>
public static class PaperLetterFindings
{
    /// <summary>The inquiry audit's id of a row: the letter and the row's number.</summary>
    public static string InquiryId(long letterId, int rowNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"paper-{letterId}-{rowNumber}");

    public static void Verified(PaperLetterRow row, CertificateFacts facts, NameMatch? firstName, NameMatch? lastName, DateTime answeredAtUtc)
    {
        row.Outcome = PaperRowOutcome.Verified;
        row.CertificateId = facts.CertificateId;
        row.FoundCertificateNumber = facts.CertificateNumber;
        row.StandardTitle = facts.StandardTitle;
        row.StandardCode = facts.StandardCode;
        row.IssueDate = facts.IssueDate;
        row.CertificateStatus = AgencyWireNames.Of(facts.Status);
        row.FirstNameMatch = firstName is { } first ? AgencyWireNames.Of(first) : null;
        row.LastNameMatch = lastName is { } last ? AgencyWireNames.Of(last) : null;
        row.AnsweredAtUtc = answeredAtUtc;
    }

    public static string OutcomeTitle(PaperLetterRow row) => row.Outcome switch
    {
        PaperRowOutcome.Verified => "یافت شد",
        PaperRowOutcome.Referred => "در دست بررسی (درخواست استعلام)",
        PaperRowOutcome.NotFound => "یافت نشد",
        _ => "نادرست",
    };

    public static string StatusTitle(string? status) => status switch
    {
        "revoked" => "باطل‌شده",
        "expired" => "منقضی",
        "valid" => "معتبر",
        _ => "—",
    };

    public static string MatchTitle(string? match) => match switch
    {
        "match" => "مطابق",
        "mismatch" => "نامطابق",
        _ => "داده نشده",
    };

    public static string StatusTitle(PaperLetterStatus status) => status switch
    {
        PaperLetterStatus.Open => "در دست پاسخ",
        PaperLetterStatus.AllRowsAnswered => "همه ردیف‌ها پاسخ گرفته",
        _ => "نامه پاسخ صادر شده",
    };

    /// <summary>The finding in one sentence, as the answer letter's table gives it.</summary>
    public static string Sentence(PaperLetterRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Outcome switch
        {
            PaperRowOutcome.Verified =>
                "یافت شد: گواهینامه شماره " + row.FoundCertificateNumber + "، " + row.StandardTitle + " (کد " + row.StandardCode + ")، "
                + "صادره " + (row.IssueDate is { } issued ? JalaliDate.FormatPersian(issued) : "—") + "، وضعیت: " + StatusTitle(row.CertificateStatus)
                + (row.FirstNameMatch is null && row.LastNameMatch is null ? "" : "؛ نام: " + MatchTitle(row.FirstNameMatch) + "، نام خانوادگی: " + MatchTitle(row.LastNameMatch)),
            PaperRowOutcome.NotFound => "یافت نشد: گواهینامه‌ای با این مشخصات در سوابق سازمان نیست.",
            PaperRowOutcome.Invalid => "نادرست: " + row.Reason,
            _ => "در دست بررسی",
        };
    }
}
