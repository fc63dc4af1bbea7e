using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.FakeProviders;

/// <summary>What the fake puts in the next id_token it issues instead of the right thing (one login each).</summary>
public sealed record FakeNationalSignInLogin
{
    /// <summary>No national-code claim at all.</summary>
    public bool OmitNationalCode { get; init; }

    /// <summary>This value in the national-code claim instead of what the person typed.</summary>
    public string? NationalCode { get; init; }

    /// <summary>An id_token for another client.</summary>
    public string? Audience { get; init; }

    /// <summary>An id_token from another issuer.</summary>
    public string? Issuer { get; init; }

    /// <summary>Signed with a key that is not in the JWKS (under the same key id).</summary>
    public bool WrongKey { get; init; }

    /// <summary>Another nonce than the one the client sent.</summary>
    public string? Nonce { get; init; }
}

/// <summary>
/// The national e-government sign-in (پنجره ملی خدمات دولت هوشمند, sso.my.gov.ir) as a local OpenID Connect provider
/// (OpenID Connect Core 1.0, RFC 6749, RFC 7636): a discovery document under its prefix, a JWKS with an RSA key made at
/// start, <c>/authorize</c> (a Persian page where the tester types a national code and presses «ورود»), <c>/token</c>
/// (client secret by Basic header or form, single-use codes that live a minute, the PKCE S256 verifier) returning an
/// RS256 id_token with iss, aud, exp, iat, nonce, sub and <c>nationalCode</c> (the claim public my.gov.ir clients
/// read), and <c>/end_session</c>. An unknown client or an unregistered redirect_uri gets an error page, never a
/// redirect. Tests make the next login go wrong (<see cref="NextLogin"/>) and read what was refused (<see cref="Refusals"/>).
/// </summary>
public sealed class FakeNationalSignIn : IDisposable
{
    public const string PathPrefix = "/national-sign-in";
    public const string ClientId = "tvto-holders";
    public const string ClientSecret = "fake-national-secret-3b9c";
    public const string NationalCodeClaim = "nationalCode";
    public const string CallbackPath = "/my/signin-national";
    public const string SignedOutCallbackPath = "/my/signout-national";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA otherRsa = RSA.Create(2048);
    private readonly string keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly ConcurrentDictionary<string, Authorization> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedCode> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> usedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> refusals = new();
    private readonly ConcurrentQueue<string> endedSessions = new();
    private int tokensIssued;

    private sealed record Authorization(string ClientId, string RedirectUri, string State, string Nonce, string CodeChallenge, string Scope);

    private sealed record IssuedCode(Authorization Request, string NationalCode, DateTimeOffset IssuedAt, FakeNationalSignInLogin? Login);

    /// <summary>How long a code may wait for the token request.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Taken by the next code the fake issues (the next «ورود»).</summary>
    public FakeNationalSignInLogin? NextLogin { get; set; }

    /// <summary>Whether the discovery document names an end_session_endpoint.</summary>
    public bool EndSessionSupported { get; set; } = true;

    /// <summary>What the fake refused, newest last (e.g. "token: code used before").</summary>
    public IReadOnlyList<string> Refusals => [.. refusals];

    /// <summary>The id_token_hint of every end_session request, oldest first.</summary>
    public IReadOnlyList<string> EndedSessions => [.. endedSessions];

    public int TokensIssued => Volatile.Read(ref tokensIssued);

    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(Uri address) =>
    [
        new("NationalSignIn:Authority", new Uri(address, PathPrefix).AbsoluteUri),
        new("NationalSignIn:ClientId", ClientId),
        new("NationalSignIn:ClientSecret", ClientSecret),
        new("NationalSignIn:NationalCodeClaim", NationalCodeClaim),
        new("NationalSignIn:RequireHttpsMetadata", "false"),
    ];

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PathPrefix + "/.well-known/openid-configuration", Discovery);
        endpoints.MapGet(PathPrefix + "/jwks", Keys);
        endpoints.MapGet(PathPrefix + "/authorize", (Func<HttpContext, IResult>)Authorize);
        endpoints.MapPost(PathPrefix + "/authorize", (Func<HttpContext, Task<IResult>>)LoginAsync);
        endpoints.MapPost(PathPrefix + "/token", (Func<HttpContext, Task<IResult>>)TokenAsync);
        endpoints.MapGet(PathPrefix + "/end_session", (Func<HttpContext, IResult>)EndSession);
    }

    private static string Issuer(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{PathPrefix}";

    private IResult Discovery(HttpContext context)
    {
        var issuer = Issuer(context);
        var document = new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + "/authorize",
            ["token_endpoint"] = issuer + "/token",
            ["jwks_uri"] = issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["grant_types_supported"] = new[] { "authorization_code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["claims_supported"] = new[] { "sub", NationalCodeClaim },
        };
        if (EndSessionSupported)
        {
            document["end_session_endpoint"] = issuer + "/end_session";
        }

        return Results.Json(document);
    }

    private IResult Keys()
    {
        var parameters = rsa.ExportParameters(false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = keyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    /// <summary>Is <paramref name="redirectUri"/> registered for the client: the portal's callback on a loopback host.</summary>
    private static bool IsRegistered(string? redirectUri, string path) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && (uri.IsLoopback || uri.Host == "localhost") && uri.AbsolutePath == path && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        string Value(string name) => query[name].ToString();
        if (Value("client_id") != ClientId)
        {
            return ErrorPage("unknown client_id");
        }

        var redirectUri = Value("redirect_uri");
        if (!IsRegistered(redirectUri, CallbackPath))
        {
            return ErrorPage("redirect_uri is not registered for this client");
        }

        var state = Value("state");
        string? problem = Value("response_type") != "code" ? "unsupported_response_type"
            : !Value("scope").Split(' ').Contains("openid") ? "invalid_scope"
            : Value("code_challenge_method") != "S256" || Value("code_challenge").Length < 43 ? "invalid_request"
            : state.Length == 0 || Value("nonce").Length == 0 ? "invalid_request"
            : Value("response_mode") is not ("" or "query") ? "invalid_request"
            : null;
        if (problem is not null)
        {
            refusals.Enqueue("authorize: " + problem);
            return Results.Redirect(WithQuery(redirectUri, ("error", problem), ("state", state)));
        }

        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        pending[id] = new Authorization(ClientId, redirectUri, state, Value("nonce"), Value("code_challenge"), Value("scope"));
        return Page(id);
    }

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (!pending.TryRemove(form["request"].ToString(), out var request))
        {
            return ErrorPage("this sign-in page has expired or was used already");
        }

        if (form.ContainsKey("cancel"))
        {
            return Results.Redirect(WithQuery(request.RedirectUri, ("error", "access_denied"), ("state", request.State)));
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var login = NextLogin;
        NextLogin = null;
        codes[code] = new IssuedCode(request, form["nationalCode"].ToString().Trim(), DateTimeOffset.UtcNow, login);
        return Results.Redirect(WithQuery(request.RedirectUri, ("code", code), ("state", request.State), ("iss", Issuer(context))));
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(context, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return TokenError(HttpStatusCode.Unauthorized, "invalid_client", "token: client authentication failed");
        }

        if (form["grant_type"] != "authorization_code")
        {
            return TokenError(HttpStatusCode.BadRequest, "unsupported_grant_type", "token: grant_type");
        }

        var code = form["code"].ToString();
        if (!codes.TryRemove(code, out var issued))
        {
            return TokenError(HttpStatusCode.BadRequest, "invalid_grant", usedCodes.ContainsKey(code) ? "token: code used before" : "token: unknown code");
        }

        usedCodes[code] = true;
        if (DateTimeOffset.UtcNow - issued.IssuedAt > CodeLifetime)
        {
            return TokenError(HttpStatusCode.BadRequest, "invalid_grant", "token: code expired");
        }

        if (issued.Request.ClientId != clientId || form["redirect_uri"] != issued.Request.RedirectUri)
        {
            return TokenError(HttpStatusCode.BadRequest, "invalid_grant", "token: redirect_uri or client differs from the authorization request");
        }

        var verifier = form["code_verifier"].ToString();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (verifier.Length < 43 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(issued.Request.CodeChallenge)))
        {
            return TokenError(HttpStatusCode.BadRequest, "invalid_grant", "token: PKCE verifier does not match");
        }

        Interlocked.Increment(ref tokensIssued);
        return Results.Json(new
        {
            access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(Issuer(context), issued),
            scope = issued.Request.Scope,
        });
    }

    private string IdToken(string issuer, IssuedCode issued)
    {
        var login = issued.Login ?? new FakeNationalSignInLogin();
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "mygov-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issued.NationalCode)))[..16],
            ["nonce"] = login.Nonce ?? issued.Request.Nonce,
            ["auth_time"] = EpochTime.GetIntDate(now),
        };
        if (!login.OmitNationalCode)
        {
            claims[NationalCodeClaim] = login.NationalCode ?? issued.NationalCode;
        }

        var key = new RsaSecurityKey(login.WrongKey ? otherRsa : rsa) { KeyId = keyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = login.Issuer ?? issuer,
            Audience = login.Audience ?? ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private IResult EndSession(HttpContext context)
    {
        var query = context.Request.Query;
        var returnTo = query["post_logout_redirect_uri"].ToString();
        endedSessions.Enqueue(query["id_token_hint"].ToString());
        if (!IsRegistered(returnTo, SignedOutCallbackPath))
        {
            return ErrorPage("post_logout_redirect_uri is not registered for this client");
        }

        return Results.Redirect(WithQuery(returnTo, ("state", query["state"].ToString())));
    }

    /// <summary>RFC 6749 §2.3.1: HTTP Basic with form-urlencoded id and secret, or both in the body (not both ways at once).</summary>
    private static (string? ClientId, string? Secret) ClientCredentials(HttpContext context, IFormCollection form)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
                return form.ContainsKey("client_secret") || pair.Length != 2 ? (null, null) : (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private IResult TokenError(HttpStatusCode status, string error, string refusal)
    {
        refusals.Enqueue(refusal);
        return Results.Json(new { error }, statusCode: (int)status);
    }

    private static string WithQuery(string uri, params (string Name, string Value)[] parameters) =>
        uri + (uri.Contains('?') ? "&" : "?") + string.Join('&', parameters.Where(p => p.Value.Length > 0).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    private IResult ErrorPage(string problem)
    {
        refusals.Enqueue("authorize: " + problem);
        return Results.Content(
            "<!doctype html><html lang=\"fa\" dir=\"rtl\"><meta charset=\"utf-8\"><title>خطا</title><h1>درخواست ورود نادرست است</h1><p dir=\"ltr\">"
            + HtmlEncoder.Default.Encode(problem) + "</p></html>",
            "text/html; charset=utf-8",
            statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult Page(string requestId) => Results.Content(
        $$"""
        <!doctype html>
        <html lang="fa" dir="rtl">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>پنجره ملی خدمات دولت هوشمند (آزمایشی)</title>
          <style>
            body { font-family: Vazirmatn, Tahoma, sans-serif; max-width: 26rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
            .note { background: #fff4ce; padding: .5rem .75rem; border-radius: .25rem; }
            label { display: block; margin: 1rem 0 .25rem; font-weight: bold; }
            input { width: 100%; font-size: 1.25rem; padding: .5rem; box-sizing: border-box; direction: ltr; }
            button { margin-top: 1rem; font-size: 1.1rem; padding: .5rem 1.5rem; }
          </style>
        </head>
        <body>
          <h1>پنجره ملی خدمات دولت هوشمند</h1>
          <p class="note">این صفحه شبیه‌ساز آزمایشی است؛ هر کد ملی را بپذیرد همان را به سامانه می‌فرستد.</p>
          <form method="post" action="{{PathPrefix}}/authorize">
            <input type="hidden" name="request" value="{{requestId}}">
            <label for="nationalCode">کد ملی</label>
            <input id="nationalCode" name="nationalCode" inputmode="numeric" autocomplete="off" required>
            <button type="submit" name="login" value="1">ورود</button>
            <button type="submit" name="cancel" value="1" formnovalidate>انصراف</button>
          </form>
        </body>
        </html>
        """,
        "text/html; charset=utf-8");

    public void Dispose()
    {
        rsa.Dispose();
        otherRsa.Dispose();
    }
}

public static class FakeNationalSignInExtensions
{
    public static IServiceCollection AddFakeNationalSignIn(this IServiceCollection services) => services.AddSingleton<FakeNationalSignIn>();

    public static IEndpointRouteBuilder MapFakeNationalSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<FakeNationalSignIn>().Map(endpoints);
        return endpoints;
    }
}
