using System.Collections.Concurrent;
using System.Text;

namespace CertificateInquiry.FakeProviders;

/// <summary>
/// Finnotech's Shahkar and identity inquiry as its documentation and the published clients describe them: a token by
/// client credentials (<c>POST /dev/v2/oauth2/token</c>, Basic authentication, JSON <c>grant_type</c>, <c>nid</c>,
/// <c>scopes</c>), then with the bearer token <c>GET /facility/v2/clients/{clientId}/shahkar/verify</c> and
/// <c>GET /kyc/v2/clients/{clientId}/identificationInquiry</c> (Jalali <c>birthDate</c>, yyyy/MM/dd). Answers are
/// <c>{"trackId", "result", "status": "DONE"}</c>, failures <c>{"trackId", "status": "FAILED", "error": {"code", "message"}}</c>.
/// Tests register which mobile belongs to which national code and who the registry holds, switch the service down,
/// and expire the tokens it gave.
/// </summary>
public sealed class FakeFinnotech
{
    public const string PathPrefix = "/finnotech";
    public const string ClientId = "tvto-inquiry";
    public const string ClientSecret = "fake-finnotech-secret-7d1e";
    public const string ClientNationalId = "14000123456";

    private readonly ConcurrentDictionary<string, string> mobileOwners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string NationalCode, string BirthDate), (string First, string Last, string Father)> people = new();
    private readonly ConcurrentDictionary<string, bool> tokens = new(StringComparer.Ordinal);
    private int shahkarCalls;
    private int registryCalls;
    private int tokensIssued;

    /// <summary>While set, every service call answers 503 (the token endpoint too).</summary>
    public bool Down { get; set; }

    /// <summary>While set, every service call waits this long first.</summary>
    public TimeSpan Delay { get; set; }

    public int ShahkarCalls => Volatile.Read(ref shahkarCalls);

    public int RegistryCalls => Volatile.Read(ref registryCalls);

    public int TokensIssued => Volatile.Read(ref tokensIssued);

    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(Uri address) =>
    [
        new("IdentityChecks:Provider", "Finnotech"),
        new("IdentityChecks:Finnotech:BaseUrl", new Uri(address, PathPrefix).AbsoluteUri),
        new("IdentityChecks:Finnotech:ClientId", ClientId),
        new("IdentityChecks:Finnotech:ClientSecret", ClientSecret),
        new("IdentityChecks:Finnotech:ClientNationalId", ClientNationalId),
    ];

    public void RegisterMobile(string mobile, string nationalCode) => mobileOwners[mobile] = nationalCode;

    /// <summary>Someone the registry holds; <paramref name="jalaliBirthDate"/> as yyyy/MM/dd.</summary>
    public void AddPerson(string nationalCode, string jalaliBirthDate, string firstName, string lastName, string fatherName) =>
        people[(nationalCode, jalaliBirthDate)] = (firstName, lastName, fatherName);

    /// <summary>Every token given so far stops working (as one does when it expires early or is revoked).</summary>
    public void ExpireTokens() => tokens.Clear();

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PathPrefix + "/dev/v2/oauth2/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        endpoints.MapGet(PathPrefix + "/facility/v2/clients/{clientId}/shahkar/verify", ShahkarAsync);
        endpoints.MapGet(PathPrefix + "/kyc/v2/clients/{clientId}/identificationInquiry", IdentityAsync);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (Down)
        {
            return Failed(503, "SERVICE_UNAVAILABLE", "سرویس در دسترس نیست");
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));
        if (context.Request.Headers.Authorization.ToString() != expected)
        {
            return Failed(401, "INVALID_CLIENT", "اطلاعات کلاینت نادرست است");
        }

        var body = await context.Request.ReadFromJsonAsync<Dictionary<string, string>>();
        if (body is null || body.GetValueOrDefault("grant_type") != "client_credentials" || body.GetValueOrDefault("nid") != ClientNationalId)
        {
            return Failed(400, "VALIDATION_ERROR", "پارامترها نادرست است");
        }

        var value = Guid.NewGuid().ToString("N");
        tokens[value] = true;
        Interlocked.Increment(ref tokensIssued);
        return Done(new { value, scopes = (body.GetValueOrDefault("scopes") ?? "").Split(','), lifeTime = 864_000_000L, creationDate = "14050915120000" });
    }

    private async Task<IResult> ShahkarAsync(HttpContext context, string clientId, string? mobile, string? nationalCode)
    {
        Interlocked.Increment(ref shahkarCalls);
        if (await RefusedAsync(context, clientId) is { } refused)
        {
            return refused;
        }

        if (mobile is null || nationalCode is null || nationalCode.Length != 10)
        {
            return Failed(400, "VALIDATION_ERROR", "کد ملی یا شماره همراه نادرست است");
        }

        return Done(new { isValid = mobileOwners.TryGetValue(mobile, out var owner) && owner == nationalCode });
    }

    private async Task<IResult> IdentityAsync(HttpContext context, string clientId, string? nationalCode, string? birthDate)
    {
        Interlocked.Increment(ref registryCalls);
        if (await RefusedAsync(context, clientId) is { } refused)
        {
            return refused;
        }

        return nationalCode is not null && birthDate is not null && people.TryGetValue((nationalCode, birthDate), out var person)
            ? Done(new { nationalId = nationalCode, birthDate, firstName = person.First, lastName = person.Last, fatherName = person.Father, deathStatus = "زنده" })
            : Failed(400, "NOT_FOUND", "اطلاعاتی یافت نشد");
    }

    private async Task<IResult?> RefusedAsync(HttpContext context, string clientId)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (Down)
        {
            return Failed(503, "SERVICE_UNAVAILABLE", "سرویس در دسترس نیست");
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return Failed(401, "INVALID_TOKEN", "توکن نامعتبر است");
        }

        return clientId == ClientId ? null : Failed(403, "FORBIDDEN", "دسترسی ندارید");
    }

    private static IResult Done(object result) =>
        Results.Json(new { trackId = Guid.NewGuid().ToString("N"), result, status = "DONE" });

    private static IResult Failed(int status, string code, string message) =>
        Results.Json(new { trackId = Guid.NewGuid().ToString("N"), status = "FAILED", error = new { code, message } }, statusCode: status);
}

public static class FakeFinnotechExtensions
{
    public static IServiceCollection AddFakeFinnotech(this IServiceCollection services) => services.AddSingleton<FakeFinnotech>();

    public static IEndpointRouteBuilder MapFakeFinnotech(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<FakeFinnotech>().Map(endpoints);
        return endpoints;
    }
}
