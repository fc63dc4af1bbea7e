using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Payments;

/// <summary>The registered gateways: the one new payments go through, and any by name for payments already started.</summary>
public sealed class PaymentGateways(IEnumerable<IPaymentGateway> gateways, IOptions<PaymentOptions> options)
{
    private readonly IPaymentGateway[] all = gateways.ToArray();

    /// <summary>Every registered gateway.</summary>
    public IReadOnlyList<IPaymentGateway> All => all;

    /// <summary>The gateway named in <c>Payments:Gateway</c>, or null when it is not registered (not enabled, misspelt).</summary>
    public IPaymentGateway? Current => Find(options.Value.Gateway);

    /// <summary>The configured name, for the log when <see cref="Current"/> is missing.</summary>
    public string ConfiguredName => options.Value.Gateway;

    public IPaymentGateway? Find(string? name) =>
        string.IsNullOrEmpty(name) ? null : all.FirstOrDefault(gateway => string.Equals(gateway.Name, name, StringComparison.OrdinalIgnoreCase));
}
