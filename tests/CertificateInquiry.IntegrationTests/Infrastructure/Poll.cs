namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>Waits for something that happens in the background (a dispatcher, a writer) without fixed sleeps.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Asks every 20 ms until <paramref name="probe"/> returns a value; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out: {what}.");
            }

            await Task.Delay(20);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await UntilAsync<object>(async () => await condition() ? new object() : null, what, timeout);
}
