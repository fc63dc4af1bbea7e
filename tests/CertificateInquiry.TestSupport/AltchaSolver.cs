using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// What the ALTCHA widget does in a browser, written from the package's source and independently of the portal's
/// verifier: find the counter whose SHA-256(salt ‖ nonce ‖ counter big-endian) starts with the key prefix, and send
/// base64(JSON {challenge, solution}). Also signs crafted parameters as altcha's server library does. Test code only;
/// shared by the unit and integration tests.
/// </summary>
public static class AltchaSolver
{
    /// <summary>The form field's value for a solved challenge (the JSON the portal's /captcha/challenge returns).</summary>
    public static string Solve(string challengeJson)
    {
        var challenge = JsonNode.Parse(challengeJson)!.AsObject();
        var prefix = (string)challenge["parameters"]!["keyPrefix"]!;
        for (uint counter = 0; ; counter++)
        {
            var key = DerivedKey(challenge, counter);
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Payload(challenge, counter, key);
            }
        }
    }

    /// <summary>The first counter whose honestly derived key lacks the prefix: an answer with no work done.</summary>
    public static string SolveWithoutWork(string challengeJson)
    {
        var challenge = JsonNode.Parse(challengeJson)!.AsObject();
        var prefix = (string)challenge["parameters"]!["keyPrefix"]!;
        for (uint counter = 0; ; counter++)
        {
            var key = DerivedKey(challenge, counter);
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Payload(challenge, counter, key);
            }
        }
    }

    public static string DerivedKey(JsonObject challenge, uint counter)
    {
        var parameters = challenge["parameters"]!;
        var salt = Convert.FromHexString((string)parameters["salt"]!);
        var nonce = Convert.FromHexString((string)parameters["nonce"]!);
        var counterBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counterBytes, counter);
        return Convert.ToHexStringLower(SHA256.HashData([.. salt, .. nonce, .. counterBytes]));
    }

    public static string Payload(JsonObject challenge, uint counter, string derivedKey)
    {
        var payload = new JsonObject
        {
            ["challenge"] = new JsonObject
            {
                ["parameters"] = challenge["parameters"]!.DeepClone(),
                ["signature"] = challenge["signature"]!.DeepClone(),
            },
            ["solution"] = new JsonObject { ["counter"] = counter, ["derivedKey"] = derivedKey, ["time"] = 12.5 },
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    /// <summary>A challenge with these parameters signed with <paramref name="secret"/>: HMAC-SHA-256 over the JSON with sorted keys.</summary>
    public static string Sign(JsonObject parameters, string secret)
    {
        var canonical = Sorted(parameters)!.ToJsonString();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)));
        return new JsonObject { ["parameters"] = JsonNode.Parse(canonical), ["signature"] = signature }.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node is JsonObject obj
        ? new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value))))
        : node?.DeepClone();
}
