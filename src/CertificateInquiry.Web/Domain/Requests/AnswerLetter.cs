using System.Globalization;

namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// The official letter (نامه پاسخ) a province's general directorate issues when a manager approves the answer to a
/// paper-era inquiry request: one per request, numbered per province and Jalali year, signed by the approving
/// manager, with a verification code behind the QR code printed on it.
/// </summary>
/// <remarks>
/// Everything the letter says is copied here when it is issued (the addressee, the finding, the certificate's
/// details, the signer's name and title), so that it is redrawn identically years later even after the certificate,
/// the request or the staff account changed. Only the certificate's live status is read afresh, on the verify page.
/// </remarks>
public class AnswerLetter
{
    /// <summary>Width of the sequence in <see cref="LetterNumber"/>: 99,999 letters per province and year before it widens.</summary>
    public const int SequenceDigits = 5;

    public long Id { get; set; }

    /// <summary>The request answered; unique: a request has at most one letter.</summary>
    public long RequestId { get; set; }

    /// <summary>The request's tracking code, printed in the letter as its reference.</summary>
    public required string TrackingCode { get; set; }

    /// <summary>شماره نامه, see <see cref="FormatNumber"/>; unique.</summary>
    public required string LetterNumber { get; set; }

    /// <summary>The province whose general directorate issued the letter (the request's province).</summary>
    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    /// <summary>The Jalali year of <see cref="IssuedAtUtc"/> in Iran time: numbering starts again at 1 each year.</summary>
    public int JalaliYear { get; set; }

    /// <summary>The letter's place in its province's series for <see cref="JalaliYear"/>, from 1.</summary>
    public int Sequence { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    /// <summary>Random, unguessable code (<see cref="Domain.VerificationCode"/>) behind <c>/letters/verify/{code}</c>.</summary>
    public required string VerificationCode { get; set; }

    // The signer, as they were when they approved the answer.

    /// <summary>The approving staff member's Identity user id (for the record; the letter prints the name and title).</summary>
    public required string SignerUserId { get; set; }

    public required string SignerName { get; set; }

    /// <summary>The signer's job title (سمت); empty when their account had none.</summary>
    public required string SignerTitle { get; set; }

    // The addressee.

    public RequesterKind RequesterKind { get; set; }

    /// <summary>The applicant (the holder) as named in the request.</summary>
    public required string ApplicantName { get; set; }

    public string? ApplicantFatherName { get; set; }

    /// <summary>For «جناب آقای» / «سرکار خانم»; null when the request did not say.</summary>
    public Gender? ApplicantGender { get; set; }

    /// <summary>The organization that asked on the holder's behalf, when <see cref="RequesterKind"/> is Organization.</summary>
    public string? OrganizationName { get; set; }

    /// <summary>The organization's own letter number, which this letter answers («بازگشت به نامه شماره …»).</summary>
    public string? OrganizationLetterNumber { get; set; }

    // What was asked.

    /// <summary>The trade as the applicant gave it: a standard's title or their own words.</summary>
    public required string RequestedTrade { get; set; }

    public int? RequestedExamYear { get; set; }

    // The finding.

    public AnswerOutcome Outcome { get; set; }

    /// <summary>Why the request was rejected, or the expert's explanation of a miss.</summary>
    public string? OutcomeReason { get; set; }

    /// <summary>The confirmed certificate (its live status is shown on the verify page); null unless confirmed.</summary>
    public long? CertificateId { get; set; }

    public string? CertificateNumber { get; set; }

    public CertificateKind? CertificateKind { get; set; }

    public string? HolderName { get; set; }

    public string? HolderFatherName { get; set; }

    /// <summary>The holder's nationality when they are a foreign national (ISO 3166-1 alpha-2); null for an Iranian.</summary>
    public string? HolderNationality { get; set; }

    public string? StandardTitle { get; set; }

    public string? StandardCode { get; set; }

    public DateOnly? ExamDate { get; set; }

    public DateOnly? IssueDate { get; set; }

    /// <summary>
    /// Where the letter says the certificate was issued: the issuer the public sees (the province's general
    /// directorate), never the training centre or program, which may name a prison or a school (ADR-017). Letters issued
    /// before that rule hold the centre as it was.
    /// </summary>
    public string? TrainingCenter { get; set; }

    /// <summary>
    /// The letter number: <c>{province:D2}/{Jalali year}/{sequence:D5}</c>, e.g. <c>08/1405/00012</c> for the twelfth
    /// letter of Tehran's general directorate (province 8) in 1405. The province's two digits are its fixed number in
    /// the portal (1–31, the order of <see cref="Province.AllNames"/>, seeded by migration), so numbers of different
    /// provinces never collide; ASCII digits, read left to right, like the portal's other codes. Province first and
    /// the year in the middle keeps it from reading like a date.
    /// </summary>
    public static string FormatNumber(int provinceId, int jalaliYear, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(provinceId, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jalaliYear, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jalaliYear, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{provinceId:D2}/{jalaliYear:D4}/{sequence:D5}");
    }
}

/// <summary>
/// The next sequence number of one province's letters in one Jalali year. Claimed with a conditional UPDATE
/// (<c>SET Next = n + 1 WHERE Next = n</c>): of two issuers that read the same <see cref="Next"/>, only one update
/// matches, and the other reads again.
/// </summary>
public class LetterSequence
{
    public int ProvinceId { get; set; }

    public int JalaliYear { get; set; }

    /// <summary>The sequence the next letter gets; 1 for a year without letters yet.</summary>
    public int Next { get; set; }
}
