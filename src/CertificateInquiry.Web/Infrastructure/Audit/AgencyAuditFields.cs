using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// What the audit keeps of an agency's inquiry beyond a public one: the agency, its purpose, case reference and
/// officer, a keyed hash of the national code asked about, and for a single inquiry its id and the signed answer given
/// (kept so that the agency can fetch it again). The agency is null for a paper letter's row when the letter came from
/// an agency that is not a registered client (the letter, named by <see cref="InquiryId"/>, names it).
/// <see cref="Confidential"/> marks an inquiry the agency asked to keep from the holder for a while (its purpose's
/// delay, Holders:HeldBack); a share code's use carries only the holder's national-code hash.
/// </summary>
public sealed record AgencyAuditFields(
    int? AgencyClientId,
    InquiryPurpose? Purpose,
    string? CaseReference,
    string? OfficerId,
    string? NationalCodeHash,
    string? InquiryId = null,
    string? SignedAnswer = null,
    bool Confidential = false);
