using CertificateInquiry.Web.Infrastructure.Captcha;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>Window counters in this process's memory: each server counts on its own (no Redis configured).</summary>
public sealed class LocalWindowCounters(TimeProvider clock) : IWindowCounters
{
    public IWindowCounter Create(string name, TimeSpan window) => new ClientWindowCounter(window, clock);
}
