using System.Text.Json;
using CertificateInquiry.Web.Infrastructure.OutsideServices;

namespace CertificateInquiry.Web.Infrastructure.Payments.Sep;

/// <summary>
/// The typed <see cref="HttpClient"/> for Sep's server-to-server calls. Its resilience pipeline
/// (<see cref="PaymentServiceCollectionExtensions"/>) times every call out, retries only the calls marked repeatable
/// (verify and the receipt inquiry ask about a transaction and change nothing on a second asking; a repeated token
/// request or reverse is not known to be harmless, so they are sent once) and breaks the circuit when the bank keeps
/// failing. Every failure — no answer, an HTTP error, an answer that is not the documented JSON — becomes a
/// <see cref="PaymentGatewayException"/> whose message names the call and the HTTP status, never the terminal.
/// </summary>
public sealed class SepClient(HttpClient http, OutsideServiceHealth health)
{
    /// <summary>Sep's name in <c>/health</c> and on <c>/admin/messages</c>.</summary>
    public const string ServiceName = "payment-sep";

    /// <summary>Set on a request the pipeline may send again.</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("CertificateInquiry.Sep.Repeatable");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public Task<SepTokenAnswer> RequestTokenAsync(SepTokenRequest request, CancellationToken cancellationToken) =>
        PostAsync<SepTokenAnswer>(SepPaths.Token, request, repeatable: false, cancellationToken);

    public Task<SepTransactionAnswer> VerifyAsync(SepTransactionRequest request, CancellationToken cancellationToken) =>
        PostAsync<SepTransactionAnswer>(SepPaths.Verify, request, repeatable: true, cancellationToken);

    public Task<SepTransactionAnswer> ReverseAsync(SepTransactionRequest request, CancellationToken cancellationToken) =>
        PostAsync<SepTransactionAnswer>(SepPaths.Reverse, request, repeatable: false, cancellationToken);

    public Task<SepReceiptAnswer> ReceiptAsync(SepReceiptRequest request, CancellationToken cancellationToken) =>
        PostAsync<SepReceiptAnswer>(SepPaths.Receipt, request, repeatable: true, cancellationToken);

    private async Task<TAnswer> PostAsync<TAnswer>(string path, object body, bool repeatable, CancellationToken cancellationToken)
        where TAnswer : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        request.Options.Set(Repeatable, repeatable);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentGatewayException($"Sep answered HTTP {(int)response.StatusCode} to {path}");
            }

            var answer = await response.Content.ReadFromJsonAsync<TAnswer>(Json, cancellationToken)
                ?? throw new PaymentGatewayException($"Sep's answer to {path} was empty");
            health.Succeeded(ServiceName);
            return answer;
        }
        catch (Exception exception) when (exception is not PaymentGatewayException && !cancellationToken.IsCancellationRequested)
        {
            // No answer (refused, timed out, circuit open: Polly's exceptions come from two assemblies here, so they
            // are not named), an HTTP failure or an answer that is not the documented JSON.
            health.Failed(ServiceName, $"no usable answer to {path}: {exception.GetType().Name}");
            throw new PaymentGatewayException($"Sep gave no usable answer to {path}: {exception.GetType().Name}", exception);
        }
        catch (PaymentGatewayException refused)
        {
            health.Failed(ServiceName, refused.Message);
            throw;
        }
    }
}
