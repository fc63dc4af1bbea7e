using System.Threading.RateLimiting;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>The token endpoint's limit: per client address (as the inquiry forms count it, ADR-014), so a bot guessing secrets is slowed.</summary>
public static class AgencyRateLimits
{
    public const string TokenPolicy = "agency-token";

    public static void AddTokenPolicy(RateLimiterOptions limiter, RateLimitingOptions rateLimiting, AgencyTokenOptions tokens) =>
        limiter.AddPolicy(TokenPolicy, context => rateLimiting.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = tokens.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("off"));
}
