using System.Globalization;
using System.Threading.RateLimiting;
using CertificateInquiry.Web.Infrastructure.SharedState;

namespace CertificateInquiry.Web.Infrastructure.Http;

/// <summary>The <c>RateLimiting</c> settings section.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Off only for load tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Inquiries (lookups, checks, verifications) one client address may make per window.</summary>
    public int InquiriesPerWindow { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimitingExtensions
{
    /// <summary>The policy on every inquiry endpoint.</summary>
    public const string InquiryPolicy = "inquiry";

    /// <summary>
    /// A fixed window per client address (the socket address, or the one named by a trusted proxy). A refused
    /// request gets 429 with Retry-After; the status-code pages show the Persian page. With Redis configured every
    /// server counts in it, so that behind N servers a client still gets the limit once; without (or while Redis is
    /// away) each server counts on its own and a client gets at most N times the limit (ADR-037). The CAPTCHA
    /// threshold (Infrastructure/Captcha) backs it up, well below it.
    /// </summary>
    public static WebApplicationBuilder AddInquiryRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                // The API's clients are programs: they get problem details, not the Persian page.
                if (ApiProblem.IsApiRequest(context.HttpContext.Request))
                {
                    await ApiProblem.TooManyRequests("Too many requests from this address; wait for Retry-After seconds.")
                        .WriteAsync(context.HttpContext.Response, cancellationToken);
                }
            };
            limiter.AddPolicy(InquiryPolicy, context => options.Enabled
                ? context.RequestServices.GetRequiredService<SharedRateLimiters>().FixedWindowPerClient(
                    "rl-inquiry",
                    context,
                    new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.InquiriesPerWindow,
                        Window = options.Window,
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("off"));
        });
        return builder;
    }
}
