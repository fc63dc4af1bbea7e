using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// Everything the portal knows of one certificate or license, read in one query. <see cref="NationalCode"/> is the
/// holder's identifier: an Iranian national code, or a foreign national's 12-digit identifier with its
/// <see cref="Nationality"/> (ISO 3166-1 alpha-2; null for an Iranian).
/// </summary>
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
    string VerificationCode,
    string? Nationality = null)
{
    public bool IsForeignNational => Nationality is not null || HolderIdentifier.IsForeign(NationalCode);
}
