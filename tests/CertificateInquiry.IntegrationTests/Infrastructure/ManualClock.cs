namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>A clock that moves only when told (timers still run in real time).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
