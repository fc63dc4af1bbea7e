using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

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
    string? IssuingOffice,
    StandingKind Standing,
    string? VerificationCode,
    string? NationalityName = null,
    bool ForeignNational = false)
{
    public string KindTitle => CertificateTitles.Kind(Kind);

    /// <summary>What the holder's identifier is called: «کد ملی», or «کد یکتای اتباع» for a foreign national.</summary>
    public string IdentifierLabel => HolderIdentifier.Label(ForeignNational);

    public string StandingTitle => CertificateDisclosure.StandingTitle(Standing);
}

/// <summary>
/// The disclosure rules, written once for every page and document that shows a record outside the back-office: the
/// lookup result, the verify page, the license check, the verification report and the answer letter.
/// </summary>
/// <remarks>
/// <para>
/// The program a certificate was earned through (<see cref="TrainingProgram"/>) and its training centre are never
/// disclosed, whatever the program and the tier: a certificate earned in prison (the Judiciary's program, trained in a
/// prison workshop), at school (Education: a minor's school), with the Welfare Organisation or another partner, or in
/// TVTO's own centres reads the same. In their place every record names its issuer, the province's general
/// directorate (<see cref="IssuingOffice"/>), which issues them all. Only staff see the program and the centre
/// (ADR-017).
/// </para>
/// </remarks>
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
            full ? IssuingOffice(record.ProvinceName) : null,
            standing,
            full ? record.VerificationCode : null,
            full && record.IsForeignNational ? Countries.NameOf(record.Nationality) : null,
            full && record.IsForeignNational);
    }

    public static StandingKind Standing(CertificateRecord record, DateOnly today) =>
        record.Status == CertificateStatus.Revoked ? StandingKind.Revoked
        : record.ExpiryDate is { } expiry && expiry < today ? StandingKind.Expired
        : StandingKind.Valid;

    /// <summary>The first letter of each name: «علی رضایی» → «ع. ر.».</summary>
    public static string MaskName(string firstName, string lastName) =>
        string.Join(' ', $"{firstName} {lastName}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => part[0] + "."));

    /// <summary>
    /// The holder's identifier with its middle hidden (<see cref="HolderIdentifier.Mask"/>): a national code shows four
    /// digits, three hidden, three shown (0076543218 → ۰۰۷۶***۲۱۸); a foreign national's identifier four, five hidden,
    /// three (123456789012 → ۱۲۳۴*****۰۱۲).
    /// </summary>
    public static string MaskNationalCode(string nationalCode) => HolderIdentifier.Mask(nationalCode);

    public static string StandingTitle(StandingKind standing) => standing switch
    {
        StandingKind.Revoked => CertificateTitles.Status(CertificateStatus.Revoked),
        StandingKind.Expired => "منقضی‌شده",
        _ => CertificateTitles.Status(CertificateStatus.Valid),
    };

    /// <summary>
    /// The issuer the public sees for every certificate, whatever its program or training centre: «اداره کل آموزش فنی و
    /// حرفه‌ای استان X», the province's general directorate.
    /// </summary>
    public static string IssuingOffice(string provinceName) => IssuingOfficePrefix + provinceName;

    /// <summary>
    /// What stored text a public document may print as the issuer: an issuing office, or nothing (a training centre
    /// stored by a letter issued before this rule, which may name a prison or a school, is not shown).
    /// </summary>
    public static string? PublicIssuer(string? stored) =>
        stored is not null && stored.StartsWith(IssuingOfficePrefix, StringComparison.Ordinal) ? stored : null;

    private const string IssuingOfficePrefix = "اداره کل آموزش فنی و حرفه‌ای استان ";
}
