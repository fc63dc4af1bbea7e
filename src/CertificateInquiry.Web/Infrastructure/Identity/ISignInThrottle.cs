using System.Net;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Slows down guessing at the staff and agency sign-ins, per client address and per account (ADR-037): in this
/// process's memory (<see cref="SignInThrottle"/>), or in Redis when one is configured (<see cref="RedisSignInThrottle"/>),
/// so that a guesser spread over N servers gets no more tries than on one.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>
    /// Starts an attempt for <paramref name="address"/> and <paramref name="account"/> (a normalized e-mail). When
    /// <see cref="SignInThrottle.Attempt.RetryAfter"/> is zero it may go ahead, and is counted as a failure unless it is
    /// then passed to <see cref="SucceededAsync"/> or <see cref="GiveBackAsync"/>; otherwise it must wait that long.
    /// </summary>
    Task<SignInThrottle.Attempt> TryStartAsync(IPAddress? address, string account);

    /// <summary>The attempt succeeded: the account starts afresh, and the address is as it was before the attempt.</summary>
    Task SucceededAsync(SignInThrottle.Attempt attempt);

    /// <summary>
    /// The attempt was half right (the password of an account with two-factor on): address and account are as they
    /// were before it, no better: knowing the password buys no more guesses at the code.
    /// </summary>
    Task GiveBackAsync(SignInThrottle.Attempt attempt);
}
