using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Captcha;

/// <summary>
/// Inquiry attempts per client (by the audit's keyed address hash) in a fixed window that starts with the client's
/// first attempt, over <c>Captcha:Window</c>: in Redis when one is configured (shared by every server), else in this
/// process's memory (ADR-037).
/// </summary>
public sealed class InquiryAttemptCounter(IOptions<CaptchaOptions> options, IWindowCounters counters)
{
    // Past this many clients in one window (a flood from many addresses) new clients are not remembered but
    // counted as past the threshold: the table stays bounded and everyone then solves the CAPTCHA.
    internal const int MaxClients = ClientWindowCounter.MaxClients;

    private readonly IWindowCounter counter = counters.Create("captcha-attempts", options.Value.Window);

    /// <summary>Attempts made in the client's current window, without holding a thread while a shared counter answers.</summary>
    public Task<int> CountAsync(string clientHash) => counter.CountAsync(clientHash);

    /// <summary>Counts one attempt and returns how many the client had made before it in the window (without blocking).</summary>
    public Task<int> AddAsync(string clientHash) => counter.AddAsync(clientHash);
}
