using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// A letter an agency sent on paper (استعلام غیرالکترونیکی), registered by a province's expert with the list it
/// carries (<see cref="Rows"/>, in the letter's order). Rows found in the database are answered at once; the others
/// become pre-1392 inquiry requests of the province and are answered through the usual maker–checker flow. Once every
/// row is answered, a manager of the province issues one numbered answer letter to the agency (ADR-027).
/// </summary>
/// <remarks>
/// Its status is not stored but read from its rows and <see cref="IssuedAtUtc"/> (<see cref="StatusFor"/>): two
/// managers approving the last two rows at once each answer their own row, and neither has to decide that the letter
/// as a whole is done.
/// </remarks>
public class PaperLetter
{
    /// <summary>The most rows one letter holds: a paper list, typed or uploaded, never a bulk export.</summary>
    public const int MaxRows = 1000;

    public long Id { get; set; }

    /// <summary>The province that registered the letter and answers it.</summary>
    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    /// <summary>The agency, when it is a registered agency client; null for an agency known only by name.</summary>
    public int? AgencyClientId { get; set; }

    /// <summary>The agency's name as the answer letter addresses it (a registered client's name is copied here).</summary>
    public required string AgencyName { get; set; }

    /// <summary>
    /// What makes one agency's letter number unique within a province: <c>client:{id}</c> or <c>name:{name}</c>. With
    /// <see cref="ProvinceId"/> and <see cref="AgencyLetterNumber"/> under a unique index, a letter registered twice
    /// (a double submit, a second tab) is refused by the database.
    /// </summary>
    public required string AgencyKey { get; set; }

    /// <summary>The agency's own number of its letter, as it is printed on the paper.</summary>
    public required string AgencyLetterNumber { get; set; }

    /// <summary>The date of the agency's letter (typed in Jalali).</summary>
    public DateOnly AgencyLetterDate { get; set; }

    public InquiryPurpose Purpose { get; set; }

    public required string RegisteredByUserId { get; set; }

    public required string RegisteredByName { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    public List<PaperLetterRow> Rows { get; } = [];

    // The answer letter, once issued: numbered in the province's series of answer letters (LetterSequence).

    /// <summary>The answer letter's number, <c>{province:D2}/{Jalali year}/{sequence:D5}</c> as for every answer letter.</summary>
    public string? AnswerLetterNumber { get; set; }

    public int? AnswerJalaliYear { get; set; }

    public int? AnswerSequence { get; set; }

    /// <summary>Random code behind <c>/letters/verify/{code}</c>.</summary>
    public string? VerificationCode { get; set; }

    public DateTime? IssuedAtUtc { get; set; }

    public string? SignerUserId { get; set; }

    public string? SignerName { get; set; }

    public string? SignerTitle { get; set; }

    /// <summary>Changes on every change to the letter itself (the issue): the concurrency token.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsIssued => IssuedAtUtc is not null;

    /// <summary>The letter's status, given how many of its rows are still unanswered.</summary>
    public PaperLetterStatus StatusFor(int unansweredRows) =>
        IsIssued ? PaperLetterStatus.AnswerLetterIssued
        : unansweredRows == 0 ? PaperLetterStatus.AllRowsAnswered
        : PaperLetterStatus.Open;

    /// <summary>The key of <see cref="AgencyKey"/> for a registered agency client or a typed name.</summary>
    public static string KeyFor(int? agencyClientId, string agencyName) =>
        agencyClientId is { } id ? "client:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "name:" + agencyName;

    /// <summary>Records the issued answer letter; throws if it was issued already.</summary>
    public void Issue(string letterNumber, int jalaliYear, int sequence, string verificationCode, DateTime atUtc, string signerUserId, string signerName, string signerTitle)
    {
        if (IsIssued)
        {
            throw new InvalidOperationException("This paper letter's answer letter was issued already.");
        }

        AnswerLetterNumber = letterNumber;
        AnswerJalaliYear = jalaliYear;
        AnswerSequence = sequence;
        VerificationCode = verificationCode;
        IssuedAtUtc = atUtc;
        SignerUserId = signerUserId;
        SignerName = signerName;
        SignerTitle = signerTitle;
        Version = Guid.NewGuid();
    }

    /// <summary>The request a not-found row becomes: pre-1392, of this letter's province, filed by the agency.</summary>
    public InquiryRequest NewRequest(PaperLetterRow row, DateTime atUtc) => new()
    {
        AccessKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)), // nobody holds it: there is no draft to come back to
        NationalCode = row.NationalCode,
        FirstName = row.FirstName,
        LastName = row.LastName,
        CertificateNumber = row.CertificateNumber,
        ProvinceId = ProvinceId,
        RequesterKind = RequesterKind.Organization,
        OrganizationName = AgencyName,
        OrganizationLetterNumber = AgencyLetterNumber,
        PaperLetter = this,
        CreatedAtUtc = atUtc,
        UpdatedAtUtc = atUtc,
    };
}
