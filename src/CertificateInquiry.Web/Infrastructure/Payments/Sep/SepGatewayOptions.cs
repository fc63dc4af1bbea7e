namespace CertificateInquiry.Web.Infrastructure.Payments.Sep;

/// <summary>
/// The <c>Payments:Sep</c> settings section: Saman Electronic Payment's internet gateway. The terminal number is the
/// merchant's credential (the bank also checks the server's address): it comes from configuration or the environment
/// (<c>Payments__Sep__TerminalId</c>), never from a file in the repository, and is never written to the log.
/// </summary>
public sealed class SepGatewayOptions
{
    /// <summary>Registers the gateway; <c>Payments:Gateway</c> = <see cref="SepPaymentGateway.GatewayName"/> then sends new payments through it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bank's address with a trailing slash; every call and the payment page are relative to it (docs/providers/payment-sep.md).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The terminal number (شماره ترمینال) the bank assigned: digits only.</summary>
    public string TerminalId { get; set; } = "";

    /// <summary>How long the bank keeps the payment page open; Sep accepts 20 to 3600 minutes.</summary>
    public int TokenLifetimeMinutes { get; set; } = 20;

    /// <summary>
    /// How long after the payment the bank still accepts its verification; Sep answers -6 after 30 minutes and
    /// reverses the payment itself. The reconciliation gives up on open payments older than the token lifetime plus this.
    /// </summary>
    public TimeSpan VerifyWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest one call to the bank may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a call may take with its retries (verify and inquiry only are retried).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The circuit opens (calls fail at once for 30 seconds, <c>/health</c> says degraded) when at least this many calls
    /// in a minute were made and half of them failed: a bank that is down is not hammered by every payer's click.
    /// </summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>
    /// What start-up refuses: an enabled gateway without an address or with a terminal that is not a number. Returns
    /// the problem in words (without the terminal's value), or null.
    /// </summary>
    public string? Problem() =>
        BaseAddress is null || !BaseAddress.IsAbsoluteUri ? "Payments:Sep:BaseAddress must be the bank's absolute address"
        : !BaseAddress.AbsolutePath.EndsWith('/') ? "Payments:Sep:BaseAddress must end with '/'"
        : TerminalId.Length is 0 or > 18 || !TerminalId.All(char.IsAsciiDigit) ? "Payments:Sep:TerminalId must be the terminal number the bank assigned (digits)"
        : TokenLifetimeMinutes is < 20 or > 3600 ? "Payments:Sep:TokenLifetimeMinutes must lie between 20 and 3600"
        : CircuitBreakerMinimumThroughput < 2 ? "Payments:Sep:CircuitBreakerMinimumThroughput must be at least 2"
        : AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout ? "Payments:Sep:AttemptTimeout must be positive and at most TotalTimeout"
        : null;
}
