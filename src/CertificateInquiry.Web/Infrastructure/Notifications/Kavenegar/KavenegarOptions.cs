namespace CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;

/// <summary>The <c>Sms:Kavenegar</c> settings section (docs/providers/sms-kavenegar.md).</summary>
public sealed class KavenegarOptions
{
    public const string Section = "Sms:Kavenegar";

    /// <summary>The operator's documented address; a fake in tests and on a staging server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.kavenegar.com");

    /// <summary>The account's API key. It travels in the URL path, so it comes from the environment or a secrets file and is never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The line (sender number) status messages go out on; empty for the account's default line.</summary>
    public string Sender { get; set; } = "";

    /// <summary>The approved verify/lookup template for one-time codes; its text holds <c>%token</c>.</summary>
    public string CodeTemplate { get; set; } = "";

    /// <summary>Each call gives up after this; the outbox retries a status message with the same localid.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
