namespace CertificateInquiry.Web.Infrastructure.Hosting;

/// <summary>
/// A background job that runs one pass, waits its interval and runs again until the host stops. A pass that throws is
/// handed to <see cref="PassFailed"/> (the database or a provider may be away for a moment) and the next pass tries
/// again; stopping the host ends the wait and the pass at once.
/// </summary>
public abstract class PeriodicWork(TimeProvider clock) : BackgroundService
{
    /// <summary>The clock the waits run on, for the passes too.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The wait between passes; null switches the job off on this server.</summary>
    protected abstract TimeSpan? Interval { get; }

    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    protected abstract void PassFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                PassFailed(exception);
            }

            try
            {
                await Task.Delay(interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
