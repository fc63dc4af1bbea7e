namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>The <c>Notifications</c> settings section: the outbox dispatcher and the developers' message page.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Off on a server that should not send (another server does); tests also drive the dispatcher by hand.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages when the last look found less than a batch.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages one dispatcher claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a message claimed for sending belongs to its dispatcher. A dispatcher that dies mid-send leaves
    /// the message leased; another takes it over only after this. Longer than <see cref="SendTimeout"/>.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A send that has not returned by then counts as failed (and is retried), so every send ends inside its lease.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends started for one message, after which it is abandoned (and logged as an error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each further failure doubles it, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the SMS operator is asked about sent messages' delivery; zero switches the checks off.</summary>
    public TimeSpan DeliveryCheckInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Shows <c>/dev/messages</c> outside Development (tests, a demo server). Never on a real server.</summary>
    public bool ShowDevelopmentMessages { get; set; }

    /// <summary>How many messages the development message log keeps in memory.</summary>
    public int DevelopmentMessagesKept { get; set; } = 200;

    /// <summary>The wait before the next send after <paramref name="attempts"/> failed ones: base × 2^(attempts−1), capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = RetryBaseDelay * Math.Pow(2, doublings);
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }
}
