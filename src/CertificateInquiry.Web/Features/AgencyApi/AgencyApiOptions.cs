namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>The <c>AgencyApi</c> settings of the inquiry API itself (the token server's are in AgencyTokenOptions).</summary>
public sealed class AgencyApiOptions
{
    public const string Section = "AgencyApi";

    /// <summary>Requests one agency may make per second, on each server (a burst of twice as many is allowed).</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>How long signed answers are kept for agencies to fetch again by their inquiry id.</summary>
    public TimeSpan AnswerRetention { get; set; } = TimeSpan.FromDays(30);
}
