using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.UnitTests.Signing;

public sealed class AnswerSignerTests : IDisposable
{
    // Odd spacing, member order, escapes, Persian and Arabic letters and digits: none of it may change on the way.
    private const string Answer = "{ \"status\":\"valid\",  \"holder\" : \"مریم رضائی\", \"number\":\"۱۴۰۲-04-000102\",\"note\":\"\\u0041 ك ي\"\n, \"items\": [1, 2.50, null] }  ";

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private readonly ECDsa ourKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly AnswerKeyRing ring;
    private readonly AnswerSigner signer;

    public AnswerSignerTests()
    {
        ring = new AnswerKeyRing([AnswerSigningKey.From(Copy(ourKey), AnswerKeyStatus.Current)]);
        signer = new AnswerSigner(ring, new FixedClock(Now));
    }

    public void Dispose()
    {
        ring.Dispose();
        ourKey.Dispose();
    }

    [Fact]
    public void A_signed_answer_checks_as_genuine_with_its_payload_byte_for_byte_its_key_and_its_time()
    {
        var jws = signer.Sign(Answer);

        var check = signer.Check(jws);

        Assert.Equal(SignedAnswerOutcome.Genuine, check.Outcome);
        Assert.Equal(Answer, check.Payload);
        Assert.Equal(signer.CurrentKeyId, check.KeyId);
        Assert.Equal(AnswerKeyStatus.Current, check.KeyStatus);
        Assert.Equal(Now, check.SignedAt);
        Assert.Equal(AnswerSigner.AnswerType, check.Type);
    }

    [Fact]
    public void A_general_jose_library_verifies_the_answer_against_the_published_key_set_and_gets_the_same_bytes()
    {
        var jws = signer.Sign(Answer);

        Assert.Equal(Answer, JwsVerifier.Verify(jws, ring.ToJwks()));
        Assert.Equal("ES256", JwsVerifier.Header(jws, "alg"));
        Assert.Equal(signer.CurrentKeyId, JwsVerifier.Header(jws, "kid"));
        Assert.Equal("tvto-answer+jws", JwsVerifier.Header(jws, "typ"));
    }

    [Fact]
    public void The_key_id_is_the_rfc_7638_thumbprint_that_general_libraries_compute()
    {
        var jwk = new JsonWebKeySet(ring.ToJwks()).Keys.Single();

        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), signer.CurrentKeyId);
    }

    [Fact]
    public void A_changed_payload_is_refused()
    {
        var parts = signer.Sign("{\"status\":\"revoked\"}").Split('.');
        var forged = parts[0] + "." + Base64UrlEncoder.Encode("{\"status\":\"valid\"}") + "." + parts[2];

        Assert.Equal(SignedAnswerOutcome.BadSignature, signer.Check(forged).Outcome);
        Assert.ThrowsAny<SecurityTokenException>(() => JwsVerifier.Verify(forged, ring.ToJwks()));
    }

    [Fact]
    public void A_changed_header_is_refused()
    {
        var parts = signer.Sign(Answer).Split('.');
        var header = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0])).Replace("\"iat\":", "\"iat\":1", StringComparison.Ordinal);

        Assert.Equal(SignedAnswerOutcome.BadSignature, signer.Check(Base64UrlEncoder.Encode(header) + "." + parts[1] + "." + parts[2]).Outcome);
    }

    [Fact]
    public void A_signature_by_another_key_is_refused_whether_it_names_our_key_or_its_own()
    {
        using var otherRing = new AnswerKeyRing([AnswerSigningKey.From(ECDsa.Create(ECCurve.NamedCurves.nistP256), AnswerKeyStatus.Current)]);
        var other = new AnswerSigner(otherRing, TimeProvider.System);
        var ownKeyId = other.Sign(Answer);
        var parts = ownKeyId.Split('.');
        var header = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0])).Replace(other.CurrentKeyId, signer.CurrentKeyId, StringComparison.Ordinal);
        var input = Base64UrlEncoder.Encode(header) + "." + parts[1];
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ourKeyId = input + "." + Base64UrlEncoder.Encode(otherKey.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));

        Assert.Equal(SignedAnswerOutcome.UnknownKey, signer.Check(ownKeyId).Outcome);
        Assert.Equal(SignedAnswerOutcome.BadSignature, signer.Check(ourKeyId).Outcome);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("HS256")]
    [InlineData("RS256")]
    [InlineData("ES384")]
    public void Any_algorithm_but_es256_is_refused(string algorithm)
    {
        var header = "{\"alg\":\"" + algorithm + "\",\"kid\":\"" + signer.CurrentKeyId + "\",\"typ\":\"tvto-answer+jws\"}";
        var input = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(Answer);

        // alg none carries no signature; HS256 is "signed" with what an attacker knows, the public key's x.
        var unsigned = input + ".";
        using var hmac = new HMACSHA256(Base64UrlEncoder.DecodeBytes(ring.Current.X));
        var macked = input + "." + Base64UrlEncoder.Encode(hmac.ComputeHash(Encoding.ASCII.GetBytes(input)));

        Assert.Equal(SignedAnswerOutcome.WrongAlgorithm, signer.Check(unsigned).Outcome);
        Assert.Equal(SignedAnswerOutcome.WrongAlgorithm, signer.Check(macked).Outcome);
    }

    [Fact]
    public void A_retired_key_still_verifies_what_it_signed_and_the_new_current_key_signs()
    {
        var signedBefore = signer.Sign(Answer);
        using var rotated = new AnswerKeyRing(
        [
            AnswerSigningKey.From(ECDsa.Create(ECCurve.NamedCurves.nistP256), AnswerKeyStatus.Current),
            AnswerSigningKey.From(PublicOnly(ourKey), AnswerKeyStatus.Retired),
        ]);
        var after = new AnswerSigner(rotated, TimeProvider.System);

        var check = after.Check(signedBefore);

        Assert.Equal(SignedAnswerOutcome.Genuine, check.Outcome);
        Assert.Equal(AnswerKeyStatus.Retired, check.KeyStatus);
        Assert.Equal(Answer, check.Payload);
        Assert.NotEqual(signer.CurrentKeyId, after.CurrentKeyId);
        Assert.Equal(Answer, JwsVerifier.Verify(signedBefore, rotated.ToJwks()));
        Assert.Equal(SignedAnswerOutcome.Genuine, after.Check(after.Sign(Answer)).Outcome);
    }

    public static TheoryData<string?, SignedAnswerOutcome> Junk()
    {
        var random = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(3000));
        var emptyHeader = Base64UrlEncoder.Encode("{}");
        return new()
        {
            { null, SignedAnswerOutcome.Empty },
            { "", SignedAnswerOutcome.Empty },
            { " \n\t ", SignedAnswerOutcome.Empty },
            { "\0\0\0", SignedAnswerOutcome.Malformed },
            { "a.b\0.c", SignedAnswerOutcome.Malformed },
            { new string('x', 5 * 1024 * 1024), SignedAnswerOutcome.TooLarge },
            { new string('.', 3), SignedAnswerOutcome.Malformed },
            { random, SignedAnswerOutcome.Malformed },
            { random + "." + random + "." + random, SignedAnswerOutcome.Malformed },
            { "a.b.c", SignedAnswerOutcome.Malformed },
            { "a.b.c.d.e", SignedAnswerOutcome.Malformed },
            { "W10.e30.AAAA", SignedAnswerOutcome.Malformed }, // the header is [] (not an object)
            { "bnVsbA.e30.AAAA", SignedAnswerOutcome.Malformed }, // null
            { "eyJhbGciOiJFUzI1NiIsImNyaXQiOlsiYiJdfQ.e30.AAAA", SignedAnswerOutcome.Malformed }, // crit
            { emptyHeader + ".e30.AAAA", SignedAnswerOutcome.WrongAlgorithm },
            { Base64UrlEncoder.Encode("{\"alg\":\"ES256\"}") + ".e30.AAAA", SignedAnswerOutcome.UnknownKey },
            { Base64UrlEncoder.Encode("{\"alg\":\"ES256\",\"kid\":7}") + ".e30.AAAA", SignedAnswerOutcome.UnknownKey },
            { "پاسخ.امضا.شده", SignedAnswerOutcome.Malformed },
            { "۱۲۳.۴۵۶.٧٨٩", SignedAnswerOutcome.Malformed },
            { "eyJhbGciOiJFUzI1NiJ9.e30.AAAA=", SignedAnswerOutcome.Malformed }, // padding is not base64url
            { "eyJhbGciOiJFUzI1NiJ9.e30.A", SignedAnswerOutcome.UnknownKey },
            { "e.e30.AAAA", SignedAnswerOutcome.Malformed }, // one base64 character is no byte
            { Base64UrlEncoder.Encode(new string('{', 1500)) + ".e30.AAAA", SignedAnswerOutcome.Malformed },
        };
    }

    [Theory]
    [MemberData(nameof(Junk))]
    public void Junk_is_refused_with_a_reason_and_never_throws(string? text, SignedAnswerOutcome expected)
    {
        var check = signer.Check(text);

        Assert.Equal(expected, check.Outcome);
        Assert.False(check.IsGenuine);
        Assert.Null(check.Payload);
    }

    [Fact]
    public void A_signature_with_a_changed_signature_byte_or_length_is_refused()
    {
        var parts = signer.Sign(Answer).Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 1;

        Assert.Equal(SignedAnswerOutcome.BadSignature, signer.Check(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature)).Outcome);
        Assert.Equal(SignedAnswerOutcome.BadSignature, signer.Check(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature[..63])).Outcome);
    }

    [Fact]
    public void A_paste_with_surrounding_white_space_still_checks()
    {
        Assert.True(signer.Check("\n  " + signer.Sign(Answer) + " \r\n").IsGenuine);
    }

    [Fact]
    public void A_file_signature_names_the_file_and_its_sha256_and_catches_one_changed_byte()
    {
        var content = Encoding.UTF8.GetBytes("national_code,status\n1270123459,valid\n");
        var jws = signer.SignFile(content, "results-42.csv", "text/csv", new Dictionary<string, string> { ["batch"] = "42" });

        var genuine = signer.CheckFile(jws, content);
        content[^3] ^= 1;
        var changed = signer.CheckFile(jws, content);

        Assert.Equal(SignedAnswerOutcome.Genuine, genuine.Outcome);
        Assert.Equal(AnswerSigner.FileType, genuine.Type);
        using var description = JsonDocument.Parse(JsonWsPayload(jws));
        Assert.Equal("results-42.csv", description.RootElement.GetProperty("file").GetString());
        Assert.Equal("text/csv", description.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal("42", description.RootElement.GetProperty("batch").GetString());
        Assert.Equal(content.Length, description.RootElement.GetProperty("size").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("national_code,status\n1270123459,valid\n"))), description.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(SignedAnswerOutcome.FileMismatch, changed.Outcome);
    }

    [Fact]
    public void An_answer_signature_is_not_taken_for_a_file_signature()
    {
        var content = Encoding.UTF8.GetBytes(Answer);

        Assert.Equal(SignedAnswerOutcome.FileMismatch, signer.CheckFile(signer.Sign(Answer), content).Outcome);
    }

    [Fact]
    public void A_claim_cannot_replace_the_file_signatures_own_members()
    {
        Assert.Throws<ArgumentException>(() => signer.SignFile([1, 2, 3], "a.csv", "text/csv", new Dictionary<string, string> { ["sha256"] = "00" }));
    }

    [Fact]
    public void The_published_key_set_holds_public_parts_only()
    {
        var jwks = ring.ToJwks();
        using var document = JsonDocument.Parse(jwks);
        var key = document.RootElement.GetProperty("keys").EnumerateArray().Single();

        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.DoesNotContain(Base64UrlEncoder.Encode(ourKey.ExportParameters(true).D!), jwks, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_is_safe_from_many_threads_at_once()
    {
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = signer.Sign("{\"n\":" + i + "}"));

        Assert.All(results, (jws, i) => Assert.Equal("{\"n\":" + i + "}", signer.Check(jws).Payload));
    }

    private static string JsonWsPayload(string jws) => Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jws.Split('.')[1]));

    private static ECDsa Copy(ECDsa key) => ECDsa.Create(key.ExportParameters(includePrivateParameters: true));

    private static ECDsa PublicOnly(ECDsa key) => ECDsa.Create(key.ExportParameters(includePrivateParameters: false));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
