using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// The log lines of agency clients: registration, credentials, tokens and the inquiry API. Never a secret, a token,
/// a national code or a name. Event IDs 1250–1349 (see ADR-022).
/// </summary>
internal static partial class AgencyLog
{
    [LoggerMessage(1250, LogLevel.Information, "Agency {AgencyId} registered as client {ClientId} with scopes {Scopes}")]
    public static partial void AgencyRegistered(this ILogger logger, int agencyId, string clientId, AgencyScopes scopes);

    [LoggerMessage(1251, LogLevel.Information, "Agency {AgencyId} was issued a new secret ({Hint}…); its older secrets end within the rotation overlap")]
    public static partial void SecretIssued(this ILogger logger, int agencyId, string hint);

    [LoggerMessage(1252, LogLevel.Warning, "Secret {SecretId} of agency {AgencyId} revoked")]
    public static partial void SecretRevoked(this ILogger logger, int agencyId, long secretId);

    [LoggerMessage(1253, LogLevel.Warning, "Agency {AgencyId} suspended")]
    public static partial void AgencySuspended(this ILogger logger, int agencyId);

    [LoggerMessage(1254, LogLevel.Information, "Agency {AgencyId} reinstated")]
    public static partial void AgencyReinstated(this ILogger logger, int agencyId);

    [LoggerMessage(1255, LogLevel.Information, "Agency {AgencyId} changed; scopes now {Scopes}")]
    public static partial void AgencyChanged(this ILogger logger, int agencyId, AgencyScopes scopes);

    [LoggerMessage(1256, LogLevel.Information, "Agency {AgencyId} now has {KeyCount} public keys for client assertions")]
    public static partial void PublicKeysChanged(this ILogger logger, int agencyId, int keyCount);

    [LoggerMessage(1270, LogLevel.Information, "Token issued to agency {AgencyId} with scopes {Scopes}")]
    public static partial void TokenIssued(this ILogger logger, int agencyId, string scopes);

    [LoggerMessage(1271, LogLevel.Warning, "Token refused to client {ClientId}: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string clientId, string reason);

    [LoggerMessage(1272, LogLevel.Warning, "A client assertion of {ClientId} was presented again (its jti was spent): refused")]
    public static partial void AssertionReplayed(this ILogger logger, string clientId);

    [LoggerMessage(1290, LogLevel.Information, "Agency {AgencyId} inquiry {InquiryId} answered: {Outcome}")]
    public static partial void InquiryAnswered(this ILogger logger, int agencyId, string inquiryId, string outcome);

    [LoggerMessage(1291, LogLevel.Information, "Agency {AgencyId} inquiry refused as invalid: {Codes}")]
    public static partial void InquiryRefused(this ILogger logger, int agencyId, string codes);

    [LoggerMessage(1292, LogLevel.Warning, "Agency {AgencyId} has spent its daily quota")]
    public static partial void QuotaSpent(this ILogger logger, int agencyId);

    [LoggerMessage(1293, LogLevel.Information, "API request refused as malformed: {Reason}")]
    public static partial void MalformedApiRequest(this ILogger logger, string reason);

    [LoggerMessage(1294, LogLevel.Warning, "Reserving the next block of agency {AgencyId}'s quota ahead of use failed; the next inquiry reserves it")]
    public static partial void QuotaPrefetchFailed(this ILogger logger, Exception exception, int agencyId);
}
