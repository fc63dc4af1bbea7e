namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// Events per client (a keyed address hash, never an address) in a fixed window that starts with the client's first
/// event. <see cref="Add"/> is atomic, so parallel requests each see a different count.
/// </summary>
public interface IWindowCounter
{
    /// <summary>Events counted in the client's current window.</summary>
    int Count(string clientHash);

    /// <summary>Counts one event and returns how many the client had in the window before it.</summary>
    int Add(string clientHash);

    /// <summary>
    /// <see cref="Count"/> without holding a thread while Redis answers: on a request path under load, blocking calls
    /// starve the thread pool (bench/README.md, the cluster benchmark).
    /// </summary>
    Task<int> CountAsync(string clientHash) => Task.FromResult(Count(clientHash));

    /// <summary><see cref="Add"/> without holding a thread while Redis answers.</summary>
    Task<int> AddAsync(string clientHash) => Task.FromResult(Add(clientHash));

    /// <summary>Takes back one event counted by <see cref="Add"/> (one that was then refused and cost nothing).</summary>
    void Remove(string clientHash);
}
