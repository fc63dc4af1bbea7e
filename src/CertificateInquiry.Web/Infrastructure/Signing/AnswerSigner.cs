using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// Signs the portal's answers and batch result files as compact JWS (RFC 7515), ES256 with the ring's current key,
/// and checks such signatures against the published keys (ADR-024). The protected header holds <c>alg</c>,
/// <c>kid</c>, <c>typ</c> and <c>iat</c> (the signing time, seconds since 1970 UTC); the payload is the bytes given,
/// unchanged, so whoever verifies gets the answer JSON back exactly. A singleton; thread-safe.
/// </summary>
public sealed class AnswerSigner(AnswerKeyRing keys, TimeProvider clock)
{
    public const string Algorithm = "ES256";

    /// <summary>The <c>typ</c> of a signed answer (a JSON document).</summary>
    public const string AnswerType = "tvto-answer+jws";

    /// <summary>The <c>typ</c> of a file's signature, whose payload is a <see cref="SignFile"/> description.</summary>
    public const string FileType = "tvto-file+jws";

    /// <summary>The longest text <see cref="Check"/> looks at (characters); anything longer is refused unread.</summary>
    public const int MaxTokenLength = 1024 * 1024;

    private const int MaxHeaderLength = 2048;

    // ES256: R and S, 32 bytes each.
    private const int MaxSignatureBytes = 64;

    private static readonly string[] FileMembers = ["file", "mediaType", "size", "sha256"];

    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The key set's current key id: the <c>kid</c> of what is signed now.</summary>
    public string CurrentKeyId => keys.Current.KeyId;

    /// <summary>Signs <paramref name="jsonPayload"/> (its UTF-8 bytes, byte for byte) as a signed answer.</summary>
    public string Sign(string jsonPayload)
    {
        ArgumentNullException.ThrowIfNull(jsonPayload);
        return SignBytes(Encoding.UTF8.GetBytes(jsonPayload), AnswerType);
    }

    /// <summary>Signs <paramref name="utf8JsonPayload"/>, byte for byte, as a signed answer.</summary>
    public string Sign(ReadOnlySpan<byte> utf8JsonPayload) => SignBytes(utf8JsonPayload, AnswerType);

    /// <summary>
    /// A signature of a file for anyone to check offline: its payload is a JSON object naming the file —
    /// <c>{"file": name, "mediaType": type, "size": bytes, "sha256": lowercase hex of the content's SHA-256 (as
    /// <c>sha256sum</c> prints it), ...claims}</c>, <c>typ</c> <see cref="FileType"/>. <paramref name="claims"/> add
    /// string members (e.g. a batch id); they cannot replace the four above.
    /// </summary>
    public string SignFile(ReadOnlySpan<byte> content, string fileName, string mediaType, IReadOnlyDictionary<string, string>? claims = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        if (claims?.Keys.FirstOrDefault(k => FileMembers.Contains(k, StringComparer.Ordinal)) is { } reserved)
        {
            throw new ArgumentException($"The claim '{reserved}' is the file signature's own.", nameof(claims));
        }

        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload, Writing))
        {
            writer.WriteStartObject();
            writer.WriteString("file", fileName);
            writer.WriteString("mediaType", mediaType);
            writer.WriteNumber("size", content.Length);
            writer.WriteString("sha256", Sha256Hex(content));
            foreach (var (name, value) in claims ?? new Dictionary<string, string>())
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return SignBytes(payload.WrittenSpan, FileType);
    }

    /// <summary>Whether <paramref name="compactJws"/> is genuine, and why not. Never throws, whatever the text.</summary>
    public SignedAnswerCheck Check(string? compactJws)
    {
        if (string.IsNullOrWhiteSpace(compactJws))
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.Empty);
        }

        if (compactJws.Length > MaxTokenLength)
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.TooLarge);
        }

        try
        {
            return CheckCompact(compactJws.AsSpan().Trim());
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException or CryptographicException or DecoderFallbackException)
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.Malformed);
        }
    }

    /// <summary>
    /// Checks a file's signature (<see cref="SignFile"/>) and that <paramref name="content"/> is the file it names:
    /// <see cref="SignedAnswerOutcome.FileMismatch"/> when one byte differs.
    /// </summary>
    public SignedAnswerCheck CheckFile(string? compactJws, ReadOnlySpan<byte> content)
    {
        var check = Check(compactJws);
        if (!check.IsGenuine)
        {
            return check;
        }

        if (check.Type != FileType)
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.FileMismatch);
        }

        using var description = JsonDocument.Parse(check.Payload!);
        var root = description.RootElement;
        var matches = root.TryGetProperty("sha256", out var hash) && hash.ValueEquals(Sha256Hex(content))
            && root.TryGetProperty("size", out var size) && size.TryGetInt64(out var length) && length == content.Length;
        return matches ? check : SignedAnswerCheck.Refused(SignedAnswerOutcome.FileMismatch);
    }

    /// <summary>The SHA-256 of a file as a file signature holds it: lowercase hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private string SignBytes(ReadOnlySpan<byte> payload, string type)
    {
        var key = keys.Current;
        var header = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(header, Writing))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("kid", key.KeyId);
            writer.WriteString("typ", type);
            writer.WriteNumber("iat", clock.GetUtcNow().ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        // Encoded straight into one pooled buffer and turned into a string once: an answer's JWS is about a kilobyte
        // and is made on every inquiry (bench/README.md).
        var signingInputLength = Base64Url.GetEncodedLength(header.WrittenCount) + 1 + Base64Url.GetEncodedLength(payload.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(signingInputLength + 1 + Base64Url.GetEncodedLength(MaxSignatureBytes));
        try
        {
            var jws = buffer.AsSpan();
            var length = Base64Url.EncodeToUtf8(header.WrittenSpan, jws);
            jws[length++] = (byte)'.';
            length += Base64Url.EncodeToUtf8(payload, jws[length..]);
            var signature = key.Sign(jws[..length]);
            jws[length++] = (byte)'.';
            length += Base64Url.EncodeToUtf8(signature, jws[length..]);
            return Encoding.ASCII.GetString(jws[..length]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private SignedAnswerCheck CheckCompact(ReadOnlySpan<char> token)
    {
        var firstDot = token.IndexOf('.');
        var lastDot = token.LastIndexOf('.');
        // An empty signature part (what alg "none" leaves) passes this step: the algorithm check names the refusal.
        if (firstDot <= 0 || lastDot == firstDot || token[(firstDot + 1)..lastDot].Contains('.')
            || !IsBase64Url(token[..firstDot]) || !IsBase64Url(token[(firstDot + 1)..lastDot])
            || (lastDot < token.Length - 1 && !IsBase64Url(token[(lastDot + 1)..])))
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.Malformed);
        }

        var encodedHeader = token[..firstDot];
        if (encodedHeader.Length > MaxHeaderLength)
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.Malformed);
        }

        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(encodedHeader.ToString()));
        if (header.RootElement.ValueKind != JsonValueKind.Object || header.RootElement.TryGetProperty("crit", out _))
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.Malformed);
        }

        if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || !alg.ValueEquals(Algorithm))
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.WrongAlgorithm);
        }

        var key = header.RootElement.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
            ? keys.Find(kid.GetString()!)
            : null;
        if (key is null)
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.UnknownKey);
        }

        var signature = Base64UrlEncoder.DecodeBytes(token[(lastDot + 1)..].ToString());
        if (!key.Verify(Encoding.ASCII.GetBytes(token[..lastDot].ToString()), signature))
        {
            return SignedAnswerCheck.Refused(SignedAnswerOutcome.BadSignature);
        }

        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var payload = strictUtf8.GetString(Base64UrlEncoder.DecodeBytes(token[(firstDot + 1)..lastDot].ToString()));
        return new SignedAnswerCheck(SignedAnswerOutcome.Genuine)
        {
            Payload = payload,
            KeyId = key.KeyId,
            KeyStatus = key.Status,
            SignedAt = header.RootElement.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var seconds)
                && seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            Type = header.RootElement.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null,
        };
    }

    private static bool IsBase64Url(ReadOnlySpan<char> part) =>
        part.Length > 0 && !part.ContainsAnyExcept(Base64UrlAlphabet);

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
