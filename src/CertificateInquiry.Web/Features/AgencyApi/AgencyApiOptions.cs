namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>The <c>AgencyApi</c> settings of the inquiry API itself (the token server's are in AgencyTokenOptions).</summary>
public sealed class AgencyApiOptions
{
    public const string Section = "AgencyApi";

    /// <summary>Requests one agency may make per second, on each server (a burst of twice as many is allowed).</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>How long signed answers are kept for agencies to fetch again by their inquiry id.</summary>
    public TimeSpan AnswerRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a completed batch's results are kept before the portal deletes them.</summary>
    public TimeSpan BatchRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Batch rows answered and committed together (one transaction: results, audit rows and counts).</summary>
    public int BatchChunkSize { get; set; } = 500;

    /// <summary>How long a server holds a batch without renewing (it renews after every chunk); then another takes it over.</summary>
    public TimeSpan BatchLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the batch worker looks for work it was not woken for (other servers' uploads, expired leases, retention).</summary>
    public TimeSpan BatchPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
