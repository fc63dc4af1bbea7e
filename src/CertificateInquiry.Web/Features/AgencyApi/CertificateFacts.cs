using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// What an agency is told of one certificate: its identity, standing and dates, and the issuing office. Never the
/// holder's names (only whether the names the agency supplied match), and never the program or training centre it
/// was earned through (ADR-017). The row id is for the audit only, never sent.
/// </summary>
public sealed record CertificateFacts(
    long CertificateId,
    string CertificateNumber,
    CertificateKind Kind,
    StandingKind Status,
    string StandardTitle,
    string StandardCode,
    int StandardHours,
    DateOnly ExamDate,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    string Province,
    string IssuingOffice)
{
    public static CertificateFacts From(CertificateRecord record, DateOnly today) => new(
        record.Id,
        record.Number,
        record.Kind,
        CertificateDisclosure.Standing(record, today),
        record.StandardTitle,
        record.StandardCode,
        record.StandardHours,
        record.ExamDate,
        record.IssueDate,
        record.ExpiryDate,
        record.ProvinceName,
        CertificateDisclosure.IssuingOffice(record.ProvinceName));
}
