using System.Text;
using System.Text.Json.Nodes;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Captcha;

public sealed class AltchaChallengesTests
{
    private const string Secret = "unit-test-secret";
    private const string Client = "0123456789abcdef0123456789abcdef";
    private const string OtherClient = "fedcba9876543210fedcba9876543210";

    // Made with the altcha package's own server library (dist/lib: createChallenge, solveChallenge; its
    // verifySolution says verified) for secret "unit-test-secret", key prefix "000", expiring at 1900000000.
    private const string LibraryPayload =
        "eyJjaGFsbGVuZ2UiOnsicGFyYW1ldGVycyI6eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY29zdCI6MSwiZGF0YSI6eyJjbGllbnQiOiIwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZiJ9LCJleHBpcmVzQXQiOjE5MDAwMDAwMDAsImtleUxlbmd0aCI6MzIsImtleVByZWZpeCI6IjAwMCIsIm5vbmNlIjoiNTFiYTgyMDMxMDE2YjU1YWY2YTEyM2Q1M2YxMGQ1NWMiLCJzYWx0IjoiMGZiZGE4NGQwZjM2NTE3YzhiN2Y2MWE2OGViNzlkNDEifSwic2lnbmF0dXJlIjoiOGRlMGUwOThkNzljYzM3OWVkN2I5NTkxZmRjODhjZDFlOTkxNWE0MTE2ZDFhODljYWNlODI5MWY0OWRkY2I2MCJ9LCJzb2x1dGlvbiI6eyJjb3VudGVyIjoxMDg2MywiZGVyaXZlZEtleSI6IjAwMGU4ZDgyZGQ4NWQyMTNhOWI2OWI1MGZmYjEzMzk2NTBiZjc0OTkxZDM5NzE5ZGY3M2M3NjNkMzVhY2FiOTYiLCJ0aW1lIjo3Njh9fQ==";

    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private AltchaChallenges Challenges(string? secret = Secret, int difficulty = 3) => new(
        Options.Create(new CaptchaOptions { Secret = secret, Difficulty = difficulty, ChallengeLifetime = TimeSpan.FromMinutes(5) }),
        clock, NullLogger<AltchaChallenges>.Instance, new LocalSpentSolutions(clock));

    private static JsonObject Parameters(long expiresAt, string prefix = "000", string client = Client, string algorithm = "SHA-256") => new()
    {
        ["algorithm"] = algorithm,
        ["nonce"] = "51ba82031016b55af6a123d53f10d55c",
        ["salt"] = "0fbda84d0f36517c8b7f61a68eb79d41",
        ["cost"] = 1,
        ["keyLength"] = 32,
        ["keyPrefix"] = prefix,
        ["expiresAt"] = expiresAt,
        ["data"] = new JsonObject { ["client"] = client },
    };

    private static JsonObject Decode(string payload) => JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();

    private static string Encode(JsonObject payload) => Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    [Fact]
    public async Task Accepts_a_solution_to_a_challenge_made_by_the_altcha_server_library()
    {
        Assert.Equal(CaptchaVerdict.Verified, await Challenges().VerifyAsync(LibraryPayload, Client));
    }

    [Fact]
    public void An_issued_challenge_has_the_widgets_shape_and_is_signed_as_the_altcha_library_signs()
    {
        var json = Challenges().Issue(Client);

        var challenge = JsonNode.Parse(json)!.AsObject();
        var parameters = challenge["parameters"]!.AsObject();
        Assert.Equal(["algorithm", "cost", "data", "expiresAt", "keyLength", "keyPrefix", "nonce", "salt"], parameters.Select(p => p.Key));
        Assert.Equal("SHA-256", (string)parameters["algorithm"]!);
        Assert.Equal(1, (int)parameters["cost"]!);
        Assert.Equal(32, (int)parameters["keyLength"]!);
        Assert.Equal("000", (string)parameters["keyPrefix"]!);
        Assert.Equal(Client, (string)parameters["data"]!["client"]!);
        Assert.Equal(1_800_000_300, (long)parameters["expiresAt"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)parameters["nonce"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)parameters["salt"]!);
        Assert.Equal(JsonNode.Parse(AltchaSolver.Sign(parameters, Secret))!["signature"]!.ToString(), (string)challenge["signature"]!);
    }

    [Fact]
    public async Task A_solved_challenge_is_accepted_once()
    {
        var challenges = Challenges();
        var payload = AltchaSolver.Solve(challenges.Issue(Client));

        Assert.Equal(CaptchaVerdict.Verified, await challenges.VerifyAsync(payload, Client));
        Assert.Equal(CaptchaVerdict.Replayed, await challenges.VerifyAsync(payload, Client));
    }

    [Fact]
    public async Task A_solution_sent_again_with_the_same_form_is_a_resubmission_and_with_any_other_a_replay()
    {
        var challenges = Challenges();
        var payload = AltchaSolver.Solve(challenges.Issue(Client));

        Assert.Equal(CaptchaVerdict.Verified, await challenges.VerifyAsync(payload, Client, "CertificateLookup\n1401-08-000101\n0076543218"));
        Assert.Equal(CaptchaVerdict.Resubmitted, await challenges.VerifyAsync(payload, Client, "CertificateLookup\n1401-08-000101\n0076543218"));
        Assert.Equal(CaptchaVerdict.Replayed, await challenges.VerifyAsync(payload, Client, "CertificateLookup\n1401-08-000102\n0076543218"));
        Assert.Equal(CaptchaVerdict.Replayed, await challenges.VerifyAsync(payload, Client, "LicenseCheck\n1401-08-000101\n0076543218"));
        Assert.Equal(CaptchaVerdict.Replayed, await challenges.VerifyAsync(payload, Client));
    }

    [Fact]
    public void Each_challenge_is_new()
    {
        var challenges = Challenges();
        var first = JsonNode.Parse(challenges.Issue(Client))!["parameters"]!;
        var second = JsonNode.Parse(challenges.Issue(Client))!["parameters"]!;

        Assert.NotEqual((string)first["nonce"]!, (string)second["nonce"]!);
        Assert.NotEqual((string)first["salt"]!, (string)second["salt"]!);
    }

    [Fact]
    public async Task An_expired_challenge_is_refused()
    {
        var challenges = Challenges();
        var payload = AltchaSolver.Solve(challenges.Issue(Client));
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(CaptchaVerdict.Expired, await challenges.VerifyAsync(payload, Client));
    }

    [Fact]
    public async Task A_challenge_signed_with_another_secret_is_refused()
    {
        var payload = AltchaSolver.Solve(Challenges(secret: "another-secret").Issue(Client));

        Assert.Equal(CaptchaVerdict.InvalidSignature, await Challenges().VerifyAsync(payload, Client));
    }

    [Fact]
    public async Task Without_a_configured_secret_each_instance_signs_with_its_own_key()
    {
        var payload = AltchaSolver.Solve(Challenges(secret: null).Issue(Client));

        Assert.Equal(CaptchaVerdict.InvalidSignature, await Challenges(secret: null).VerifyAsync(payload, Client));
    }

    [Theory]
    [InlineData("keyPrefix", "0")]
    [InlineData("expiresAt", 1_900_000_000L)]
    [InlineData("nonce", "00000000000000000000000000000000")]
    public async Task Altered_parameters_break_the_signature(string name, object value)
    {
        var challenges = Challenges();
        var payload = Decode(AltchaSolver.Solve(challenges.Issue(Client)));
        payload["challenge"]!["parameters"]![name] = JsonValue.Create(value);

        Assert.Equal(CaptchaVerdict.InvalidSignature, await challenges.VerifyAsync(Encode(payload), Client));
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        var challenges = Challenges();
        var payload = Decode(AltchaSolver.Solve(challenges.Issue(Client)));
        var signature = (string)payload["challenge"]!["signature"]!;
        payload["challenge"]!["signature"] = (signature[0] == 'a' ? "b" : "a") + signature[1..];

        Assert.Equal(CaptchaVerdict.InvalidSignature, await challenges.VerifyAsync(Encode(payload), Client));
    }

    [Fact]
    public async Task A_solution_from_another_client_is_refused()
    {
        var challenges = Challenges();
        var payload = AltchaSolver.Solve(challenges.Issue(OtherClient));

        Assert.Equal(CaptchaVerdict.OtherClient, await challenges.VerifyAsync(payload, Client));
    }

    [Fact]
    public async Task A_key_that_does_not_match_the_counter_is_refused()
    {
        var challenges = Challenges();
        var payload = Decode(AltchaSolver.Solve(challenges.Issue(Client)));
        payload["solution"]!["counter"] = (uint)payload["solution"]!["counter"]! + 1;

        Assert.Equal(CaptchaVerdict.InvalidSolution, await challenges.VerifyAsync(Encode(payload), Client));
    }

    [Fact]
    public async Task A_correct_key_without_the_prefix_is_refused_as_no_work_was_done()
    {
        // The altcha library's verifySolution would accept this: it recomputes the key but never checks the prefix.
        var challenges = Challenges();
        var signed = AltchaSolver.Sign(Parameters(1_800_000_100, prefix: "000"), Secret);
        var payload = AltchaSolver.SolveWithoutWork(signed);

        Assert.Equal(CaptchaVerdict.InvalidSolution, await challenges.VerifyAsync(payload, Client));
        Assert.Equal(CaptchaVerdict.Verified, await challenges.VerifyAsync(AltchaSolver.Solve(signed), Client));
    }

    [Fact]
    public async Task Parameters_the_portal_never_issues_are_refused_even_when_signed()
    {
        var challenges = Challenges();
        var sha1 = AltchaSolver.Sign(Parameters(1_800_000_100, algorithm: "SHA-1"), Secret);
        var extra = Parameters(1_800_000_100);
        extra["memoryCost"] = 1;
        var upperCase = Parameters(1_800_000_100, client: Client.ToUpperInvariant());

        Assert.Equal(CaptchaVerdict.Malformed, await challenges.VerifyAsync(AltchaSolver.Solve(sha1), Client));
        Assert.Equal(CaptchaVerdict.Malformed, await challenges.VerifyAsync(AltchaSolver.Solve(AltchaSolver.Sign(extra, Secret)), Client));
        Assert.Equal(CaptchaVerdict.Malformed, await challenges.VerifyAsync(AltchaSolver.Solve(AltchaSolver.Sign(upperCase, Secret)), Client.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null, CaptchaVerdict.Missing)]
    [InlineData("", CaptchaVerdict.Missing)]
    [InlineData("   ", CaptchaVerdict.Missing)]
    [InlineData("not base64!", CaptchaVerdict.Malformed)]
    [InlineData("bm90IGpzb24=", CaptchaVerdict.Malformed)] // "not json"
    [InlineData("e30=", CaptchaVerdict.Malformed)] // {}
    // The widget's test mode: {"challenge":null,"solution":null,"test":true}
    [InlineData("eyJjaGFsbGVuZ2UiOm51bGwsInNvbHV0aW9uIjpudWxsLCJ0ZXN0Ijp0cnVlfQ==", CaptchaVerdict.Malformed)]
    public async Task Anything_but_a_payload_is_refused(string? payload, CaptchaVerdict verdict)
    {
        Assert.Equal(verdict, await Challenges().VerifyAsync(payload, Client));
    }

    [Fact]
    public async Task A_negative_or_fractional_counter_is_malformed()
    {
        var challenges = Challenges();
        var payload = Decode(AltchaSolver.Solve(challenges.Issue(Client)));
        payload["solution"]!["counter"] = -1;
        var fractional = Decode(AltchaSolver.Solve(challenges.Issue(Client)));
        fractional["solution"]!["counter"] = 1.5;

        Assert.Equal(CaptchaVerdict.Malformed, await challenges.VerifyAsync(Encode(payload), Client));
        Assert.Equal(CaptchaVerdict.Malformed, await challenges.VerifyAsync(Encode(fractional), Client));
    }

    [Fact]
    public void The_derived_key_is_sha256_of_salt_nonce_and_the_big_endian_counter()
    {
        // From the library-made payload above: counter 10863 gives a key starting with the prefix "000".
        var key = AltchaChallenges.DeriveKey("0fbda84d0f36517c8b7f61a68eb79d41", "51ba82031016b55af6a123d53f10d55c", 10863);

        Assert.Equal("000e8d82dd85d213a9b69b50ffb1339650bf74991d39719df73c763d35acab96", Convert.ToHexStringLower(key));
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
