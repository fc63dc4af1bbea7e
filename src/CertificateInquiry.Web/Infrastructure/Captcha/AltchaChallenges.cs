using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Captcha;

/// <summary>What became of a CAPTCHA solution sent with a form.</summary>
public enum CaptchaVerdict
{
    Verified,

    /// <summary>No solution was sent (no JavaScript, or the box was not ticked).</summary>
    Missing,

    /// <summary>Not a payload of a challenge issued here: bad base64 or JSON, unknown algorithm, fields missing.</summary>
    Malformed,

    Expired,

    /// <summary>The challenge was not signed with this portal's secret, or was altered after signing.</summary>
    InvalidSignature,

    /// <summary>The challenge was issued to another client address.</summary>
    OtherClient,

    /// <summary>The key does not match the counter, or lacks the required prefix (no work was done).</summary>
    InvalidSolution,

    /// <summary>This solution was already accepted once, for another form or other keys.</summary>
    Replayed,

    /// <summary>
    /// This solution was accepted once already for exactly this form and these keys, and is sent again within its
    /// lifetime: a refreshed result page. Admitted; it gives nothing the first answer did not.
    /// </summary>
    Resubmitted,

    /// <summary>
    /// The solution is sound, but the shared memory of spent solutions (Redis) did not answer: refused, because no
    /// server can then tell whether another accepted it already (ADR-037).
    /// </summary>
    Unavailable,
}

/// <summary>
/// Issues and verifies ALTCHA v3 proof-of-work challenges (the widget in wwwroot/lib/altcha), as the package's
/// own server library does: parameters signed with HMAC-SHA-256 over their JSON with sorted keys, a key derived as
/// SHA-256(salt ‖ nonce ‖ counter as big-endian uint32). Unlike that library's verifySolution, the key must also
/// start with the challenge's prefix: without that check any counter would do and the work could be skipped.
/// Each challenge names the client it was issued to and is spent on the first form it is accepted for: sent again
/// within its lifetime it is accepted only for that same form with the same keys (a refreshed result page, ADR-006),
/// never for another inquiry. Where spent solutions are remembered is <see cref="ISpentSolutions"/>'s business: this
/// process, or Redis for every server (ADR-037).
/// </summary>
public sealed class AltchaChallenges
{
    public const string Algorithm = "SHA-256";

    private const int Cost = 1;
    private const int KeyLength = 32;
    private const int RandomBytes = 16;
    private const int MaxPayloadLength = 4096;

    private static readonly JsonSerializerOptions Json = new();

    private readonly byte[] secret;
    private readonly CaptchaOptions options;
    private readonly TimeProvider clock;
    private readonly ISpentSolutions spent;

    public AltchaChallenges(IOptions<CaptchaOptions> options, TimeProvider clock, ILogger<AltchaChallenges> logger, ISpentSolutions spent)
    {
        this.options = options.Value;
        this.clock = clock;
        this.spent = spent;
        if (string.IsNullOrEmpty(this.options.Secret))
        {
            // Behind several servers a challenge from one would then fail on another: fine on one machine only.
            logger.LogWarning("Captcha:Secret is not set; CAPTCHA challenges are signed with a key that lives only in this process");
            secret = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            secret = Encoding.UTF8.GetBytes(this.options.Secret);
        }
    }

    /// <summary>A new challenge for one client, as the JSON the widget fetches.</summary>
    public string Issue(string clientHash)
    {
        var parameters = new AltchaParameters
        {
            Algorithm = Algorithm,
            Cost = Cost,
            KeyLength = KeyLength,
            KeyPrefix = options.KeyPrefix,
            Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes)),
            Salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes)),
            ExpiresAt = clock.GetUtcNow().Add(options.ChallengeLifetime).ToUnixTimeSeconds(),
            Data = new AltchaData { Client = clientHash },
        };
        if (!IsWellFormed(parameters))
        {
            throw new InvalidOperationException("The client hash is not a lower-case hex string of the audit's length.");
        }

        var canonical = Canonical(parameters);
        return "{\"parameters\":" + canonical + ",\"signature\":\"" + Convert.ToHexStringLower(Sign(canonical)) + "\"}";
    }

    /// <summary>
    /// Checks the form field the widget fills (base64 of JSON) for the client sending it; a verified one is spent on
    /// <paramref name="form"/> (the inquiry and its normalized keys), and sent again is admitted only for that same form.
    /// </summary>
    public async Task<CaptchaVerdict> VerifyAsync(string? payload, string clientHash, string? form = null)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return CaptchaVerdict.Missing;
        }

        var parsed = Parse(payload);
        var parameters = parsed?.Challenge?.Parameters;
        var signature = parsed?.Challenge?.Signature;
        var solution = parsed?.Solution;
        if (parameters is null || !IsWellFormed(parameters) || !IsLowerHex(signature, 2 * KeyLength)
            || solution?.Counter is not { } counter || !IsLowerHex(solution.DerivedKey, 2 * KeyLength))
        {
            return CaptchaVerdict.Malformed;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (parameters.ExpiresAt <= now)
        {
            return CaptchaVerdict.Expired;
        }

        if (!CryptographicOperations.FixedTimeEquals(Sign(Canonical(parameters)), Convert.FromHexString(signature!)))
        {
            return CaptchaVerdict.InvalidSignature;
        }

        if (!string.Equals(parameters.Data!.Client, clientHash, StringComparison.Ordinal))
        {
            return CaptchaVerdict.OtherClient;
        }

        var key = DeriveKey(parameters.Salt!, parameters.Nonce!, counter);
        if (!CryptographicOperations.FixedTimeEquals(key, Convert.FromHexString(solution.DerivedKey!))
            || !Convert.ToHexStringLower(key).StartsWith(parameters.KeyPrefix!, StringComparison.Ordinal))
        {
            return CaptchaVerdict.InvalidSolution;
        }

        var formHash = form is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(form)));
        return await spent.TrySpendAsync(signature!, DateTimeOffset.FromUnixTimeSeconds(parameters.ExpiresAt), formHash) switch
        {
            SpendOutcome.Spent => CaptchaVerdict.Verified,
            SpendOutcome.Resubmitted => CaptchaVerdict.Resubmitted,
            SpendOutcome.Unavailable => CaptchaVerdict.Unavailable,
            _ => CaptchaVerdict.Replayed,
        };
    }

    /// <summary>The widget's key derivation for cost 1: SHA-256 of salt, nonce and the counter (big-endian), hex decoded.</summary>
    internal static byte[] DeriveKey(string saltHex, string nonceHex, uint counter)
    {
        var salt = Convert.FromHexString(saltHex);
        var nonce = Convert.FromHexString(nonceHex);
        var input = new byte[salt.Length + nonce.Length + sizeof(uint)];
        salt.CopyTo(input, 0);
        nonce.CopyTo(input, salt.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(salt.Length + nonce.Length), counter);
        return SHA256.HashData(input)[..KeyLength];
    }

    /// <summary>
    /// JSON.stringify of the parameters with their keys sorted, undefined ones left out: what altcha signs. Every
    /// value has been checked to be a number, lower-case hex or "SHA-256", so no JSON escaping rule can differ between
    /// JavaScript and .NET.
    /// </summary>
    internal static string Canonical(AltchaParameters p) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"algorithm":"{{p.Algorithm}}","cost":{{p.Cost}},"data":{"client":"{{p.Data!.Client}}"},"expiresAt":{{p.ExpiresAt}},"keyLength":{{p.KeyLength}},"keyPrefix":"{{p.KeyPrefix}}","nonce":"{{p.Nonce}}","salt":"{{p.Salt}}"}""");

    private byte[] Sign(string canonical) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical));

    private static AltchaPayload? Parse(string payload)
    {
        if (payload.Length > MaxPayloadLength)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AltchaPayload>(Convert.FromBase64String(payload.Trim()), Json);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    // Only what Issue produces: anything else was not issued here, whatever its signature.
    private static bool IsWellFormed(AltchaParameters p) =>
        p.Algorithm == Algorithm && p.Cost == Cost && p.KeyLength == KeyLength
        && IsLowerHex(p.Nonce, 2 * RandomBytes) && IsLowerHex(p.Salt, 2 * RandomBytes)
        && p.KeyPrefix is { Length: >= 1 and <= 2 * KeyLength } && IsLowerHex(p.KeyPrefix, p.KeyPrefix.Length)
        && IsLowerHex(p.Data?.Client, Audit.InquiryAudit.ClientAddressHashLength);

    private static bool IsLowerHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class AltchaParameters
{
    [JsonPropertyName("algorithm")]
    public string? Algorithm { get; init; }

    [JsonPropertyName("cost")]
    public int Cost { get; init; }

    [JsonPropertyName("data")]
    public AltchaData? Data { get; init; }

    [JsonPropertyName("expiresAt")]
    public long ExpiresAt { get; init; }

    [JsonPropertyName("keyLength")]
    public int KeyLength { get; init; }

    [JsonPropertyName("keyPrefix")]
    public string? KeyPrefix { get; init; }

    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    [JsonPropertyName("salt")]
    public string? Salt { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class AltchaData
{
    [JsonPropertyName("client")]
    public string? Client { get; init; }
}

internal sealed class AltchaPayload
{
    [JsonPropertyName("challenge")]
    public AltchaSignedChallenge? Challenge { get; init; }

    [JsonPropertyName("solution")]
    public AltchaSolution? Solution { get; init; }
}

internal sealed class AltchaSignedChallenge
{
    [JsonPropertyName("parameters")]
    public AltchaParameters? Parameters { get; init; }

    [JsonPropertyName("signature")]
    public string? Signature { get; init; }
}

internal sealed class AltchaSolution
{
    [JsonPropertyName("counter")]
    public uint? Counter { get; init; }

    [JsonPropertyName("derivedKey")]
    public string? DerivedKey { get; init; }
}

