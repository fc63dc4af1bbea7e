namespace CertificateInquiry.Web.Domain;

/// <summary>گواهینامه مهارت (skill certificate) or پروانه مهارت (skill license, needed to practise some trades).</summary>
public enum CertificateKind
{
    Certificate,
    License,
}

public enum CertificateStatus
{
    Valid,
    Revoked,
}

/// <summary>The program a certificate was earned through; the online inquiry covers them all.</summary>
public enum TrainingProgram
{
    /// <summary>TVTO's own training centres.</summary>
    Tvto,

    /// <summary>Skill training for school students with the Ministry of Education (آموزش و پرورش).</summary>
    Education,

    /// <summary>Training in prisons with the Judiciary (قوه قضائیه).</summary>
    Judiciary,

    /// <summary>Training with another body under a memorandum of understanding (تفاهم‌نامه).</summary>
    Partner,
}

/// <summary>Where the record came from.</summary>
public enum RecordSource
{
    /// <summary>Issued electronically by TVTO's own systems.</summary>
    Electronic,

    /// <summary>Imported in a batch from another system.</summary>
    Imported,

    /// <summary>Found in a provincial paper archive and entered by staff answering an inquiry request.</summary>
    DigitizedFromPaper,
}

public class Certificate
{
    public long Id { get; set; }

    /// <summary>شماره گواهینامه: unique across kinds.</summary>
    public required string Number { get; set; }

    public CertificateKind Kind { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public int StandardId { get; set; }

    public TrainingStandard? Standard { get; set; }

    public DateOnly ExamDate { get; set; }

    public DateOnly IssueDate { get; set; }

    /// <summary>Licenses expire; certificates do not.</summary>
    public DateOnly? ExpiryDate { get; set; }

    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    /// <summary>The training centre, or for <see cref="TrainingProgram.Partner"/> the partner's name.</summary>
    public required string TrainingCenter { get; set; }

    public CertificateStatus Status { get; set; }

    public TrainingProgram Program { get; set; }

    public RecordSource Source { get; set; }

    /// <summary>Random, unguessable code printed as a QR link to <c>/verify/{code}</c>.</summary>
    public required string VerificationCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public bool IsExpired(DateOnly today) => ExpiryDate is { } expiry && expiry < today;
}
