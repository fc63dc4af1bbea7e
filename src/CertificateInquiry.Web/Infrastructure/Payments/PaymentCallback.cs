namespace CertificateInquiry.Web.Infrastructure.Payments;

/// <summary>
/// The fields a bank sends back with the browser: the query string, and the form when it posts (Sep and
/// Behpardakht post, Zarinpal uses the query). None of them is trusted; the gateway verifies.
/// </summary>
public sealed class PaymentCallback
{
    /// <summary>The field the portal adds to its own callback address, naming the gateway the payment went through.</summary>
    public const string GatewayField = "gateway";

    private readonly Dictionary<string, string> fields;

    public PaymentCallback(IEnumerable<KeyValuePair<string, string>> fields)
    {
        this.fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            // A repeated field keeps its first value: a second one appended to a signed address must not replace it.
            this.fields.TryAdd(name, value);
        }
    }

    public string? this[string name] => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static async Task<PaymentCallback> FromRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = request.Query.Select(field => KeyValuePair.Create(field.Key, field.Value.ToString())).ToList();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            fields.AddRange(form.Select(field => KeyValuePair.Create(field.Key, field.Value.ToString())));
        }

        return new PaymentCallback(fields);
    }
}
