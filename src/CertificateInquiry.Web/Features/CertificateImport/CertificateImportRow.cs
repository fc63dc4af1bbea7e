using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// One validated, normalized row of an import file. <see cref="NationalCode"/> is the holder's identifier (an Iranian
/// national code, or a foreign national's 12-digit identifier with its <see cref="Nationality"/>).
/// </summary>
public sealed record CertificateImportRow(
    int Line,
    string Number,
    CertificateKind Kind,
    string NationalCode,
    string FirstName,
    string LastName,
    string FatherName,
    DateOnly BirthDate,
    Gender Gender,
    string StandardCode,
    string StandardTitle,
    int StandardHours,
    DateOnly ExamDate,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    int ProvinceId,
    string TrainingCenter,
    CertificateStatus Status,
    TrainingProgram Program,
    string? Nationality = null);
