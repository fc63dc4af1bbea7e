using System.Diagnostics;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// Waits for something that happens in the background (a dispatcher, the audit writer, a process coming up) without
/// fixed sleeps: asks every 20 ms until the answer is there. The one wait-until loop of the test projects.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Until <paramref name="probe"/> returns a value; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class =>
        (await UntilAsync(probe, value => value is not null, what, timeout))!;

    /// <summary>Until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await UntilAsync(condition, done => done, what, timeout);

    /// <summary>Until the value <paramref name="probe"/> returns is <paramref name="done"/>, e.g. a list long enough; returns it.</summary>
    /// <exception cref="TimeoutException">Not done within the timeout (30 s unless given): "Timed out: <paramref name="what"/>".</exception>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var (value, reached) = await RunAsync(probe, done, timeout ?? DefaultTimeout);
        return reached ? value : throw new TimeoutException($"Timed out: {what}.");
    }

    /// <summary>
    /// Like <see cref="UntilAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?)"/>, but returns the last value
    /// when the time is up instead of failing: for a test whose own assertion says what is missing.
    /// </summary>
    public static async Task<T> LatestAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout) =>
        (await RunAsync(probe, done, timeout)).Value;

    private static async Task<(T Value, bool Reached)> RunAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return (value, true);
            }

            if (started.Elapsed > timeout)
            {
                return (value, false);
            }

            await Task.Delay(Interval);
        }
    }
}
