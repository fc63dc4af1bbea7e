using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CertificateInquiry.Web.Infrastructure.OutsideServices;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.IdentityChecks;

/// <summary>
/// Shahkar and the civil registry through Finnotech, as its documentation and the published clients that call it
/// describe the API: an OAuth token by client credentials (<c>POST /dev/v2/oauth2/token</c>, Basic authentication,
/// JSON <c>{grant_type, nid, scopes}</c>, answered <c>{"result": {"value", "lifeTime" (ms), …}, "status": "DONE"}</c>),
/// then with the bearer token <c>GET /facility/v2/clients/{clientId}/shahkar/verify?mobile&amp;nationalCode&amp;trackId</c>
/// (<c>result.isValid</c>) and <c>GET /kyc/v2/clients/{clientId}/identificationInquiry?nationalCode&amp;birthDate&amp;trackId</c>
/// (birth date in Jalali <c>yyyy/MM/dd</c>; <c>result.firstName, lastName, fatherName</c>). Failures answer
/// <c>{"status": "FAILED", "error": {"code", "message"}}</c>. The token is kept until shortly before it expires and
/// fetched again once when a call is refused with 401. National codes and mobiles travel in the query string, so the
/// HTTP clients' loggers are removed and nothing here logs a URL.
/// </summary>
public sealed class FinnotechClient(
    IHttpClientFactory clients,
    IOptions<IdentityCheckOptions> options,
    OutsideServiceHealth health,
    TimeProvider clock,
    ILogger<FinnotechClient> logger)
    : IMobileOwnerCheck, ICivilRegistry, IDisposable
{
    public const string HttpClientName = "finnotech";
    public const string ShahkarService = "shahkar-finnotech";
    public const string RegistryService = "civil-registry-finnotech";
    public const string Scopes = "facility:shahkar:get,kyc:identification-inquiry:get";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private (string Value, DateTimeOffset RenewAt)? token;

    private FinnotechOptions Settings => options.Value.Finnotech;

    public async Task<MobileOwnerAnswer> CheckAsync(string nationalCode, string mobile, CancellationToken cancellationToken)
    {
        var path = $"facility/v2/clients/{Uri.EscapeDataString(Settings.ClientId)}/shahkar/verify?mobile={Uri.EscapeDataString(mobile)}&nationalCode={Uri.EscapeDataString(nationalCode)}&trackId={TrackId()}";
        var (status, result, error) = await GetAsync(path, ShahkarService, cancellationToken);
        if (status == HttpStatusCode.OK && result is { } found && found.TryGetProperty("isValid", out var valid) && valid.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            health.Succeeded(ShahkarService);
            return valid.GetBoolean() ? MobileOwnerAnswer.Registered : MobileOwnerAnswer.NotRegistered;
        }

        Failed(ShahkarService, status, error);
        return MobileOwnerAnswer.Unavailable;
    }

    public async Task<RegistryAnswer> FindAsync(string nationalCode, DateOnly birthDate, CancellationToken cancellationToken)
    {
        var path = $"kyc/v2/clients/{Uri.EscapeDataString(Settings.ClientId)}/identificationInquiry?nationalCode={Uri.EscapeDataString(nationalCode)}&birthDate={Uri.EscapeDataString(JalaliDate.Format(birthDate))}&trackId={TrackId()}";
        var (status, result, error) = await GetAsync(path, RegistryService, cancellationToken);
        if (status == HttpStatusCode.OK && result is { } found
            && Text(found, "firstName") is { } firstName && Text(found, "lastName") is { } lastName)
        {
            health.Succeeded(RegistryService);
            return RegistryAnswer.Found(new RegistryPerson(firstName, lastName, Text(found, "fatherName") ?? ""));
        }

        if (status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest && error is not null)
        {
            // The service answered: it holds no one with this national code and birth date.
            health.Succeeded(RegistryService);
            logger.RegistryFoundNoOne(error);
            return RegistryAnswer.NoOne;
        }

        Failed(RegistryService, status, error);
        return RegistryAnswer.NoAnswer;
    }

    public void Dispose() => tokenLock.Dispose();

    private static string TrackId() => Guid.NewGuid().ToString("N");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private void Failed(string service, HttpStatusCode? status, string? error)
    {
        var reason = status is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)code}{(error is null ? "" : " " + error)}")
            : error ?? "no answer";
        health.Failed(service, reason);
        logger.FinnotechCallFailed(service, reason);
    }

    /// <summary>A GET with the bearer token (fetched again once on 401): the status, the <c>result</c> element, the error code.</summary>
    private async Task<(HttpStatusCode? Status, JsonElement? Result, string? Error)> GetAsync(string path, string service, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var bearer = await TokenAsync(cancellationToken);
                if (bearer is null)
                {
                    return (null, null, "no token");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Base() + path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
                {
                    token = null;
                    continue;
                }

                var (result, error) = await ReadAsync(response, cancellationToken);
                return (response.StatusCode, result, error);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                return (null, null, "no answer: " + exception.GetType().Name);
            }
        }
    }

    private string Base() => Settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/";

    private async Task<string?> TokenAsync(CancellationToken cancellationToken)
    {
        if (token is { } kept && clock.GetUtcNow() < kept.RenewAt)
        {
            return kept.Value;
        }

        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is { } fresh && clock.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Value;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base() + "dev/v2/oauth2/token"))
            {
                Content = JsonContent.Create(new { grant_type = "client_credentials", nid = Settings.ClientNationalId, scopes = Scopes }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Settings.ClientId + ":" + Settings.ClientSecret)));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var (result, error) = await ReadAsync(response, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || result is not { } answer || Text(answer, "value") is not { } value)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"token refused: HTTP {(int)response.StatusCode} {error}");
                logger.FinnotechCallFailed("finnotech-token", reason);
                return null;
            }

            var lifetime = answer.TryGetProperty("lifeTime", out var life) && life.TryGetInt64(out var milliseconds)
                ? TimeSpan.FromMilliseconds(milliseconds)
                : TimeSpan.FromHours(1);
            var renewAt = clock.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
            token = (value, renewAt);
            return value;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private static async Task<(JsonElement? Result, string? Error)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "answer not in Finnotech's format");
            }

            var error = root.TryGetProperty("error", out var failure) && failure.ValueKind == JsonValueKind.Object ? Text(failure, "code") ?? "error" : null;
            var result = root.TryGetProperty("result", out var found) && found.ValueKind == JsonValueKind.Object ? found.Clone() : (JsonElement?)null;
            return (result, error ?? (result is null ? "answer not in Finnotech's format" : null));
        }
        catch (JsonException)
        {
            return (null, "answer not in Finnotech's format");
        }
    }
}

internal static partial class FinnotechLog
{
    [LoggerMessage(2330, LogLevel.Warning, "Finnotech call for {Service} failed: {Reason}")]
    public static partial void FinnotechCallFailed(this ILogger logger, string service, string reason);

    [LoggerMessage(2331, LogLevel.Information, "Civil registry holds no one with the national code and birth date asked for ({ErrorCode})")]
    public static partial void RegistryFoundNoOne(this ILogger logger, string errorCode);
}
