namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>The log lines of answer signing's keys. Event IDs 1350–1359 (see ADR-022, ADR-024).</summary>
internal static partial class AnswerSigningLog
{
    [LoggerMessage(1350, LogLevel.Information, "Answer signing keys loaded: current key {KeyId}, {Published} published")]
    public static partial void KeysLoaded(this ILogger logger, string keyId, int published);

    [LoggerMessage(1351, LogLevel.Warning, "No answer signing key is configured: answers are signed with the development key {KeyId}, kept in the data folder. Production refuses to start so")]
    public static partial void DevelopmentKeyInUse(this ILogger logger, string keyId);

    [LoggerMessage(1352, LogLevel.Warning, "A development answer signing key was generated: {KeyId}")]
    public static partial void DevelopmentKeyCreated(this ILogger logger, string keyId);

    [LoggerMessage(1353, LogLevel.Warning, "The development answer signing key could not be decrypted ({Reason}) and is replaced; answers it signed no longer verify")]
    public static partial void DevelopmentKeyReplaced(this ILogger logger, string reason);
}
