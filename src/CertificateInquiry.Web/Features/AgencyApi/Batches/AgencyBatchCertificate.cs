using System.Text.Json;
using System.Text.Json.Serialization;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Batches;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>One certificate found for a batch row, as kept with the row (AgencyBatchRow.Certificates) for the results files.</summary>
public sealed record AgencyBatchCertificate(
    [property: JsonPropertyName("id")] long CertificateId,
    [property: JsonPropertyName("n")] string Number,
    [property: JsonPropertyName("k")] CertificateKind Kind,
    [property: JsonPropertyName("s")] BatchCertificateStatus Status,
    [property: JsonPropertyName("t")] string StandardTitle,
    [property: JsonPropertyName("i")] DateOnly IssueDate,
    [property: JsonPropertyName("e")] DateOnly? ExpiryDate,
    [property: JsonPropertyName("p")] string Province,
    [property: JsonPropertyName("nat"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nationality = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A certificate found for a row, with its holder's nationality when they are a foreign national.</summary>
    public static AgencyBatchCertificate From(CertificateFacts facts, string? nationality)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(
            facts.CertificateId,
            facts.CertificateNumber,
            facts.Kind,
            facts.Status switch
            {
                Shared.Inquiry.StandingKind.Valid => BatchCertificateStatus.Valid,
                Shared.Inquiry.StandingKind.Revoked => BatchCertificateStatus.Revoked,
                _ => BatchCertificateStatus.Expired,
            },
            facts.StandardTitle,
            facts.IssueDate,
            facts.ExpiryDate,
            facts.Province,
            nationality);
    }

    public static string Serialize(IReadOnlyList<AgencyBatchCertificate> certificates) => JsonSerializer.Serialize(certificates, Json);

    public static IReadOnlyList<AgencyBatchCertificate> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<AgencyBatchCertificate>>(json, Json) ?? [];
}
