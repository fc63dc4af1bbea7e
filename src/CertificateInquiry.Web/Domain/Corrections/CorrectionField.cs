namespace CertificateInquiry.Web.Domain.Corrections;

/// <summary>
/// The fields of a certificate a holder may report as wrong. The names are the holder's (<see cref="Person"/>: one
/// correction changes every certificate of theirs), the dates and the standard the certificate's own.
/// </summary>
public enum CorrectionField
{
    FirstName,
    LastName,
    FatherName,
    ExamDate,
    IssueDate,
    Standard,
}
