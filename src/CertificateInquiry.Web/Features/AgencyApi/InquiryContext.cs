using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Why and for whom an agency asks: every API request carries it, and the audit keeps it. <see cref="Confidential"/>:
/// the holder learns of the inquiry only after its purpose's delay (Holders:HeldBackDays).
/// </summary>
public sealed record InquiryContext(InquiryPurpose Purpose, string CaseReference, string OfficerId, bool Confidential = false);
