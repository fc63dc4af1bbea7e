using StackExchange.Redis;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// The <c>Redis</c> settings section (ADR-037). With no <see cref="Configuration"/> every limit, counter and spent
/// CAPTCHA solution lives in this process's memory, as on a single server; with one, they are shared by every server
/// that names the same Redis and <see cref="KeyPrefix"/>.
/// </summary>
public sealed class SharedStateOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true</c>); empty: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Starts every key this portal writes, so that two portals (or a test and a portal) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "ci:";

    /// <summary>
    /// After a failed Redis call, how long the stores use their per-process fallback without asking Redis again: a
    /// Redis that hangs then costs one request a timeout, not every request.
    /// </summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    internal bool IsValid(out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(KeyPrefix) || KeyPrefix.Length > 32 || KeyPrefix.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = "Redis:KeyPrefix must be 1 to 32 characters without spaces.";
        }
        else if (RetryAfterFailure < TimeSpan.Zero || RetryAfterFailure > TimeSpan.FromMinutes(5))
        {
            error = "Redis:RetryAfterFailure must be between 0 and 5 minutes.";
        }
        else if (IsConfigured)
        {
            try
            {
                ConfigurationOptions.Parse(Configuration!);
            }
            catch (ArgumentException exception)
            {
                error = "Redis:Configuration is not a StackExchange.Redis configuration string: " + exception.Message;
            }
        }

        return error is null;
    }
}
