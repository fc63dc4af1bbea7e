namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>A signed answer as kept for its agency to fetch again.</summary>
public sealed record StoredAnswer(string InquiryId, int AgencyClientId, DateTimeOffset AnsweredAt, string SignedAnswer);
