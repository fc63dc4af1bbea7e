using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>A leased job whose pass takes <paramref name="passTime"/> under a short <paramref name="lease"/>: for the renewal and lease-loss tests.</summary>
public sealed class SlowJob(JobLeases leases, TimeSpan passTime, TimeSpan lease) : LeasedPeriodicWork(leases, TimeProvider.System, NullLogger.Instance)
{
    private int passes;

    public override string JobName => "slow";

    /// <summary>Passes that ran to their end.</summary>
    public int Completed => passes;

    /// <summary>Passes stopped because the lease was lost.</summary>
    public int Cancelled { get; private set; }

    protected override TimeSpan? Interval => TimeSpan.FromMinutes(10);

    protected override TimeSpan Lease => lease;

    protected override async Task RunLeasedPassAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(passTime, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled++;
            throw;
        }

        Interlocked.Increment(ref passes);
    }

    protected override void PassFailed(Exception exception) => throw new InvalidOperationException("not run by a host here", exception);
}
