namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>The documents the seed lists for a paper-era inquiry, plus what staff ask for later.</summary>
public enum DocumentKind
{
    /// <summary>کارت ملی</summary>
    NationalCard,

    /// <summary>شناسنامه</summary>
    BirthCertificate,

    /// <summary>آخرین مدرک تحصیلی</summary>
    EducationDegree,

    /// <summary>کارت پایان خدمت یا معافیت (men).</summary>
    MilitaryService,

    /// <summary>The prerequisite certificate or related higher-education degree, for trades that need one.</summary>
    Prerequisite,

    /// <summary>A photo or scan of the paper certificate itself (optional).</summary>
    PaperCertificate,

    /// <summary>Sent when staff asked for more documents.</summary>
    Additional,
}

/// <summary>An uploaded file. The bytes live outside the web root under <see cref="StoredName"/>.</summary>
public class RequestDocument
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>The file name as the applicant gave it, reduced to a safe name for display only.</summary>
    public required string OriginalName { get; set; }

    /// <summary>Generated name in the document store; never derived from the applicant's input.</summary>
    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>The request's status when it was sent: Draft for the first set, NeedsMoreDocuments afterwards.</summary>
    public RequestStatus UploadedInStatus { get; set; }
}
