namespace CertificateInquiry.Web.Infrastructure.Hosting;

/// <summary>
/// A periodic job that every server runs on its timer but only one runs at a time (ADR-038): a pass starts only when
/// this server wins the job's <see cref="JobLeases"/> lease, renews it every third of <see cref="Lease"/> while it runs
/// (a pass whose lease was taken by another server is cancelled), and ends by leaving the job alone until the next pass
/// is due, <see cref="PeriodicWork.Interval"/> after this one began. A server that dies mid-pass leaves the job to
/// another once <see cref="Lease"/> has run out; a pass stopped by shutdown or a failure lets any server take it at once.
/// The pass itself must still be safe to repeat: a server paused beyond its lease (a long GC, a frozen VM) may find on
/// waking that another has taken over, so each step stays a conditional statement.
/// </summary>
public abstract class LeasedPeriodicWork(JobLeases leases, TimeProvider clock, ILogger logger) : PeriodicWork(clock)
{
    /// <summary>This server's name in the lease.</summary>
    public string Owner { get; } = LeaseOwner.NewName();

    /// <summary>The job's name in <c>JobLeases</c>.</summary>
    public abstract string JobName { get; }

    /// <summary>How long a server that died mid-pass holds the job up.</summary>
    protected virtual TimeSpan Lease => TimeSpan.FromMinutes(2);

    protected abstract Task RunLeasedPassAsync(CancellationToken cancellationToken);

    protected sealed override Task RunPassAsync(CancellationToken stoppingToken) => TryRunAsync(stoppingToken);

    /// <summary>Runs one pass if this server wins the lease; false when another server holds the job or it is not yet due.</summary>
    public async Task<bool> TryRunAsync(CancellationToken stoppingToken)
    {
        var started = Clock.GetUtcNow().UtcDateTime;
        var lease = Lease;
        if (!await leases.TryClaimAsync(JobName, Owner, started + lease, stoppingToken))
        {
            return false;
        }

        using var pass = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(lease, pass, stopRenewing.Token);
        var completed = false;
        try
        {
            await RunLeasedPassAsync(pass.Token);
            completed = true;
        }
        catch (OperationCanceledException) when (pass.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // The lease was lost: whoever took it goes on; nothing of this pass is left half done (each step is whole).
            return true;
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewal;
            var nextDue = completed && Interval is { } interval ? started + interval : Clock.GetUtcNow().UtcDateTime;
            try
            {
                await leases.ReleaseAsync(JobName, Owner, nextDue);
            }
            catch (Exception exception)
            {
                // The database is away: the lease runs out on its own.
                logger.LeaseNotReleased(exception, JobName);
            }
        }

        return true;
    }

    private async Task RenewWhileRunningAsync(TimeSpan lease, CancellationTokenSource pass, CancellationToken stop)
    {
        var every = lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, Clock, stop);
                if (!await leases.RenewAsync(JobName, Owner, Clock.GetUtcNow().UtcDateTime + lease, stop))
                {
                    logger.LeaseLost(JobName, Owner);
                    await pass.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away for a moment: the pass's own statements fail too; the next renewal tries again.
                logger.LeaseNotRenewed(exception, JobName);
            }
        }
    }
}
