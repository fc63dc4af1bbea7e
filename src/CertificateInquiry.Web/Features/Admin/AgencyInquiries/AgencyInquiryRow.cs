using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Admin.AgencyInquiries;

/// <summary>One agency inquiry as the list shows it.</summary>
public sealed record AgencyInquiryRow(
    DateTime OccurredAtUtc,
    string? AgencyName,
    InquiryChannel Channel,
    InquiryOutcome Outcome,
    InquiryPurpose? Purpose,
    string? CaseReference,
    string? OfficerId,
    string? InquiryId);
