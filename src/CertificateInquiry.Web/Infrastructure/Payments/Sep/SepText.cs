using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertificateInquiry.Web.Infrastructure.Payments.Sep;

/// <summary>
/// Reads a field that the public clients of Sep show sometimes as a JSON string and sometimes as a number (RRN,
/// trace numbers, error codes) as text, so that an answer is never refused as malformed for the way a number is written.
/// </summary>
public sealed class SepText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("expected a string or a number"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
