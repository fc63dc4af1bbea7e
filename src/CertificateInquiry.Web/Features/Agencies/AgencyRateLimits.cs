using System.Threading.RateLimiting;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// The token endpoint's limit: per client address (as the inquiry forms count it, ADR-014), so a bot guessing secrets
/// is slowed; across servers when Redis is configured (ADR-037).
/// </summary>
public static class AgencyRateLimits
{
    public const string TokenPolicy = "agency-token";

    public static void AddTokenPolicy(RateLimiterOptions limiter, RateLimitingOptions rateLimiting, AgencyTokenOptions tokens) =>
        limiter.AddPolicy(TokenPolicy, context => rateLimiting.Enabled
            ? context.RequestServices.GetRequiredService<SharedRateLimiters>().FixedWindowPerClient(
                "rl-agency-token",
                context,
                new FixedWindowRateLimiterOptions { PermitLimit = tokens.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("off"));
}
