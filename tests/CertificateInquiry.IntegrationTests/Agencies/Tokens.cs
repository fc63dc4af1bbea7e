using System.Net;
using System.Text.Json;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>What <c>POST /connect/token</c> answered: the status, the JSON body (null when not JSON) and the raw text.</summary>
public sealed record TokenResponse(HttpStatusCode Status, JsonElement? Body, string Text, HttpResponseMessage Response)
{
    public string? Error => Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var error) ? error.GetString() : null;

    public string? AccessToken =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("access_token", out var token) ? token.GetString() : null;

    public string? Scope => Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("scope", out var scope) ? scope.GetString() : null;
}

/// <summary>Asks the portal's token endpoint for an agency's access token, as an agency's program would.</summary>
public static class Tokens
{
    public const string Endpoint = "/connect/token";

    /// <summary>The client-credentials grant with a client secret; no scope named when <paramref name="scope"/> is null.</summary>
    public static Task<TokenResponse> RequestAsync(HttpClient client, string clientId, string clientSecret, string? scope = null) =>
        PostAsync(client, Fields(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", clientSecret), ("scope", scope)));

    /// <summary>The client-credentials grant with a signed client assertion (private_key_jwt, RFC 7523).</summary>
    public static Task<TokenResponse> RequestWithAssertionAsync(HttpClient client, string clientId, string assertion, string? scope = null) =>
        PostAsync(client, Fields(
            ("grant_type", "client_credentials"),
            ("client_id", clientId),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", assertion),
            ("scope", scope)));

    public static async Task<TokenResponse> PostAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync(Endpoint, content);
        return await ReadAsync(response);
    }

    public static Task<TokenResponse> PostAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        PostAsync(client, new FormUrlEncodedContent(fields));

    public static async Task<TokenResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? body = null;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
        }

        return new TokenResponse(response.StatusCode, body, text, response);
    }

    /// <summary>The scopes an access token carries, in order.</summary>
    public static IReadOnlyList<string> Scopes(string accessToken) =>
        [.. new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken).Claims
            .Where(claim => claim.Type == "scope")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal)];

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string? Value)[] fields) =>
        [.. fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))];
}
