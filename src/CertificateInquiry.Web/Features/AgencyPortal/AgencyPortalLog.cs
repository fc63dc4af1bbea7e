namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>
/// The log lines of the agency portal's accounts: sign-in, sessions and the users an agency's administrator manages.
/// Never a password, a code, an e-mail address or a name: user and agency ids only. Event IDs 1430–1459 (ADR-022).
/// </summary>
internal static partial class AgencyPortalLog
{
    [LoggerMessage(1430, LogLevel.Information, "Agency portal user {UserId} of agency {AgencyId} signed in")]
    public static partial void SignedIn(ILogger logger, string userId, int agencyId);

    [LoggerMessage(1431, LogLevel.Information, "Agency portal user {UserId} gave the right password; asking for the code")]
    public static partial void PasswordAccepted(ILogger logger, string userId);

    [LoggerMessage(1432, LogLevel.Warning, "Agency portal sign-in failed: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string reason);

    [LoggerMessage(1433, LogLevel.Warning, "Agency portal sign-in of user {UserId} failed: {Reason}")]
    public static partial void SignInFailedFor(ILogger logger, string userId, string reason);

    [LoggerMessage(1434, LogLevel.Warning, "Agency portal sign-in held back for {Seconds} s: too many recent failures from this address or on this account")]
    public static partial void SignInHeldBack(ILogger logger, double seconds);

    [LoggerMessage(1435, LogLevel.Information, "Agency portal user {UserId} signed out")]
    public static partial void SignedOut(ILogger logger, string userId);

    [LoggerMessage(1436, LogLevel.Warning, "Agency portal session of user {UserId} (agency {AgencyId}) ended: the account or the agency may no longer be used, or the account changed")]
    public static partial void SessionEnded(ILogger logger, string userId, int agencyId);

    [LoggerMessage(1437, LogLevel.Information, "Agency portal user {UserId} set up two-factor sign-in")]
    public static partial void TwoFactorEnabled(ILogger logger, string userId);

    [LoggerMessage(1440, LogLevel.Information, "Agency portal user {UserId} of agency {AgencyId} created by {ActorId} with role {Role}")]
    public static partial void UserCreated(ILogger logger, string userId, int agencyId, string actorId, string role);

    [LoggerMessage(1441, LogLevel.Information, "Agency portal user {UserId} changed by {ActorId}: {Action}")]
    public static partial void UserChanged(ILogger logger, string userId, string actorId, string action);
}
