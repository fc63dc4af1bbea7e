using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>How much of a record a visitor may see.</summary>
public enum DisclosureTier
{
    /// <summary>By certificate or license number alone (an employer checking what an applicant showed).</summary>
    Public,

    /// <summary>With the holder's national code as well, or through the verification link printed on a report.</summary>
    HolderConfirmed,
}

/// <summary>Whether the certificate can be relied on today.</summary>
public enum StandingKind
{
    Valid,
    Revoked,
    Expired,
}

/// <summary>
/// What one visitor is shown of a record. Fields the tier does not disclose are null; views and documents show
/// what is there and nothing else.
/// </summary>
public sealed record CertificateDetails(
    DisclosureTier Tier,
    string Number,
    CertificateKind Kind,
    string HolderName,
    string? FatherName,
    string? NationalCodeMasked,
    string StandardTitle,
    string? StandardCode,
    int? StandardHours,
    DateOnly? ExamDate,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    string ProvinceName,
    string? TrainingCenter,
    TrainingProgram? Program,
    StandingKind Standing,
    string? VerificationCode)
{
    public string KindTitle => CertificateDisclosure.KindTitle(Kind);

    public string StandingTitle => CertificateDisclosure.StandingTitle(Standing);

    public string? ProgramTitle => Program is { } program ? CertificateDisclosure.ProgramTitle(program) : null;
}

/// <summary>The disclosure rules, written once for every page and document that shows a record.</summary>
public static class CertificateDisclosure
{
    public static CertificateDetails Disclose(CertificateRecord record, DisclosureTier tier, DateOnly today)
    {
        var standing = Standing(record, today);
        var full = tier == DisclosureTier.HolderConfirmed;
        return new CertificateDetails(
            tier,
            record.Number,
            record.Kind,
            full ? record.FirstName + " " + record.LastName : MaskName(record.FirstName, record.LastName),
            full ? record.FatherName : null,
            full ? MaskNationalCode(record.NationalCode) : null,
            record.StandardTitle,
            full ? record.StandardCode : null,
            full ? record.StandardHours : null,
            full ? record.ExamDate : null,
            record.IssueDate,
            record.ExpiryDate,
            record.ProvinceName,
            full ? record.TrainingCenter : null,
            full ? record.Program : null,
            standing,
            full ? record.VerificationCode : null);
    }

    public static StandingKind Standing(CertificateRecord record, DateOnly today) =>
        record.Status == CertificateStatus.Revoked ? StandingKind.Revoked
        : record.ExpiryDate is { } expiry && expiry < today ? StandingKind.Expired
        : StandingKind.Valid;

    /// <summary>The first letter of each name: «علی رضایی» → «ع. ر.».</summary>
    public static string MaskName(string firstName, string lastName) =>
        string.Join(' ', $"{firstName} {lastName}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => part[0] + "."));

    /// <summary>Four digits, three hidden, three shown: 0076543218 → ۰۰۷۶***۲۱۸.</summary>
    public static string MaskNationalCode(string nationalCode) =>
        PersianText.ToPersianDigits(nationalCode[..4] + "***" + nationalCode[^3..]);

    public static string KindTitle(CertificateKind kind) => kind switch
    {
        CertificateKind.License => "پروانه مهارت",
        _ => "گواهینامه مهارت",
    };

    public static string StandingTitle(StandingKind standing) => standing switch
    {
        StandingKind.Revoked => "ابطال‌شده",
        StandingKind.Expired => "منقضی‌شده",
        _ => "معتبر",
    };

    public static string ProgramTitle(TrainingProgram program) => program switch
    {
        TrainingProgram.Education => "آموزش و پرورش (آموزش مهارت دانش‌آموزان)",
        TrainingProgram.Judiciary => "قوه قضائیه",
        TrainingProgram.Partner => "تفاهم‌نامه همکاری",
        _ => "مراکز آموزش فنی و حرفه‌ای",
    };
}
