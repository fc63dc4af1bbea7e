using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>Everything the portal knows of one certificate or license, read in one query.</summary>
public sealed record CertificateRecord(
    long Id,
    string Number,
    CertificateKind Kind,
    string NationalCode,
    string FirstName,
    string LastName,
    string FatherName,
    string StandardTitle,
    string StandardCode,
    int StandardHours,
    DateOnly ExamDate,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    string ProvinceName,
    string TrainingCenter,
    TrainingProgram Program,
    CertificateStatus Status,
    string VerificationCode);
