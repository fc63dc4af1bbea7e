using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>One validated, normalized row of an import file.</summary>
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
    TrainingProgram Program);
