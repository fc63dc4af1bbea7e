namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>Wakes this server's batch worker at once when a batch is queued here (other servers find it by polling).</summary>
public sealed class AgencyBatchSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
