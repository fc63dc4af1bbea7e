using System.Text.Json;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// <c>GET /api/v1/inquiries/{inquiryId}</c>: the answer given, as signed then, and whether its signature checks out
/// now with the published keys (<c>genuine</c>); <c>answer</c> is the signed payload, read back.
/// </summary>
public sealed record StoredAnswerView(string InquiryId, DateTimeOffset AnsweredAt, bool Genuine, string? KeyId, JsonElement? Answer, string SignedAnswer);
