namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// Events per client (a keyed address hash, never an address) in a fixed window that starts with the client's first
/// event. <see cref="AddAsync"/> is atomic, so parallel requests each see a different count. Asynchronous only: on a
/// request path under load, waiting on Redis with a blocked thread starves the thread pool (bench/README.md, the
/// cluster benchmark).
/// </summary>
public interface IWindowCounter
{
    /// <summary>Events counted in the client's current window.</summary>
    Task<int> CountAsync(string clientHash);

    /// <summary>Counts one event and returns how many the client had in the window before it.</summary>
    Task<int> AddAsync(string clientHash);

    /// <summary>Takes back one event counted by <see cref="AddAsync"/> (one that was then refused and cost nothing).</summary>
    Task RemoveAsync(string clientHash);
}
