using CertificateInquiry.Web.Infrastructure.Payments.Sep;

namespace CertificateInquiry.Web.Infrastructure.Payments;

/// <summary>The <c>Payments</c> settings section.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>The gateway new payments go through, by its <see cref="IPaymentGateway.Name"/>.</summary>
    public string Gateway { get; set; } = SandboxPaymentGateway.GatewayName;

    /// <summary>
    /// The treasury's payment ID (شناسه واریز) of each tariff year, keyed by the Jalali year ("1405"): the fee of a
    /// year goes to the treasury with that year's ID. A real gateway refuses to start a payment for a year without one.
    /// </summary>
    public Dictionary<string, string> TreasuryPaymentIds { get; set; } = [];

    public SandboxGatewayOptions Sandbox { get; set; } = new();

    public SepGatewayOptions Sep { get; set; } = new();

    public PaymentReconciliationOptions Reconciliation { get; set; } = new();
}

/// <summary>The <c>Payments:Sandbox</c> settings section.</summary>
public sealed class SandboxGatewayOptions
{
    /// <summary>On for development and tests only: the sandbox takes no money and approves whatever the visitor chooses.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long the sandbox's payment page and its answer stay valid, as a bank's session would.</summary>
    public TimeSpan PaymentLifetime { get; set; } = TimeSpan.FromMinutes(20);
}

/// <summary>The <c>Payments:Reconciliation</c> settings section: the job that asks the gateway about payments whose callback never came.</summary>
public sealed class PaymentReconciliationOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a payment is left to its callback before the job asks the gateway (the payer may still be on the bank's page).</summary>
    public TimeSpan AskAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many payments are read from the database at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How far back the job looks: a payment still open after this is beyond every gateway's window and is left to
    /// the disagreement list (/admin/payments/disagreements).
    /// </summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(1);
}
