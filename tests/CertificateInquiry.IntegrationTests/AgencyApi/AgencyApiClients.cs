using System.Net.Http.Headers;
using System.Net.Http.Json;
using CertificateInquiry.IntegrationTests.Agencies;
using System.Text.Json;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>Registers agencies in a test portal and speaks the API as an agency would: a token, then bearer requests.</summary>
public static class AgencyApiClients
{
    public static Task<IssuedCredentials> RegisterAsync(PortalFactory portal, AgencyScopes scopes, int quota = 10_000) =>
        AgencyClients.RegisterAsync(portal, scopes, quota);

    public static async Task<string> TokenAsync(HttpClient client, IssuedCredentials credentials)
    {
        var token = await Tokens.RequestAsync(client, credentials.ClientId, credentials.ClientSecret);
        return token.AccessToken ?? throw new InvalidOperationException("No token: " + token.Text);
    }

    /// <summary>A client of the portal for a newly registered agency, sending its access token as the bearer token.</summary>
    public static async Task<HttpClient> AgencyClientAsync(PortalFactory portal, AgencyScopes scopes, int quota = 10_000)
    {
        var client = portal.CreateClient();
        var credentials = await RegisterAsync(portal, scopes, quota);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, credentials));
        return client;
    }

    /// <summary>A client of the portal for an agency already registered, sending its access token as the bearer token.</summary>
    public static async Task<HttpClient> ClientForAsync(PortalFactory portal, IssuedCredentials credentials)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, credentials));
        return client;
    }

    public static Task<HttpResponseMessage> InquireAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/inquiries", body);

    /// <summary>A query with the context fields every request needs; <paramref name="extra"/> adds or overrides fields.</summary>
    public static Dictionary<string, object?> Query(string nationalCode, string? certificateNumber, params (string Name, object? Value)[] extra)
    {
        var body = new Dictionary<string, object?>
        {
            ["nationalCode"] = nationalCode,
            ["certificateNumber"] = certificateNumber,
            ["purpose"] = "employment",
            ["caseReference"] = "CASE-1405-77",
            ["officerId"] = "officer-12",
        };
        foreach (var (name, value) in extra)
        {
            body[name] = value;
        }

        return body;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
