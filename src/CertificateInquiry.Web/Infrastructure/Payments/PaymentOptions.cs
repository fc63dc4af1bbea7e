namespace CertificateInquiry.Web.Infrastructure.Payments;

/// <summary>The <c>Payments</c> settings section.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>The gateway new payments go through, by its <see cref="IPaymentGateway.Name"/>.</summary>
    public string Gateway { get; set; } = SandboxPaymentGateway.GatewayName;

    public SandboxGatewayOptions Sandbox { get; set; } = new();
}

/// <summary>The <c>Payments:Sandbox</c> settings section.</summary>
public sealed class SandboxGatewayOptions
{
    /// <summary>On for development and tests only: the sandbox takes no money and approves whatever the visitor chooses.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long the sandbox's payment page and its answer stay valid, as a bank's session would.</summary>
    public TimeSpan PaymentLifetime { get; set; } = TimeSpan.FromMinutes(20);
}
