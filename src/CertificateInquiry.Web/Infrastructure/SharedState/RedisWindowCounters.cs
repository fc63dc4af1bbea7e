using CertificateInquiry.Web.Infrastructure.Captcha;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>Window counters in Redis, shared by every server, each with a per-process counter for when Redis is away.</summary>
public sealed class RedisWindowCounters(RedisConnection redis, TimeProvider clock) : IWindowCounters
{
    public IWindowCounter Create(string name, TimeSpan window) => new RedisWindowCounter(name, window, redis, new ClientWindowCounter(window, clock));
}
