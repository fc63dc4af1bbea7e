using CertificateInquiry.Web.Features.Requests.Form;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// The log lines of holders signing in and out: source-generated, event IDs 2370–2389 (ADR-022). A holder is the keyed
/// hash of their identifier (<c>InquiryAudit.HashNationalCode</c>), never the identifier; a client its keyed hash; a
/// mobile number only masked; a code never.
/// </summary>
internal static partial class HolderSignInLog
{
    [LoggerMessage(2370, LogLevel.Information, "Holder {Holder} signed in by {Method}")]
    public static partial void SignedIn(this ILogger logger, string holder, HolderSignInMethod method);

    [LoggerMessage(2371, LogLevel.Information, "Holder {Holder} signed out")]
    public static partial void SignedOut(this ILogger logger, string holder);

    [LoggerMessage(2372, LogLevel.Warning, "National sign-in refused: the id_token has no usable national-code claim '{Claim}' ({Problem})")]
    public static partial void NationalCodeClaimRefused(this ILogger logger, string claim, string problem);

    [LoggerMessage(2373, LogLevel.Warning, "National sign-in failed at the callback: {Reason}")]
    public static partial void NationalSignInFailed(this ILogger logger, string reason);

    [LoggerMessage(2374, LogLevel.Information, "National sign-in: the provider answered '{Error}' (the person cancelled or was refused there)")]
    public static partial void ProviderRefused(this ILogger logger, string error);

    [LoggerMessage(2375, LogLevel.Information, "Holder sign-in code for {Holder} to {Mobile} sent ({SendsLeft} more may be sent)")]
    public static partial void CodeSent(this ILogger logger, string holder, string mobile, int sendsLeft);

    [LoggerMessage(2376, LogLevel.Information, "Holder sign-in code for {Holder} to {Mobile} not sent: {Refusal}")]
    public static partial void CodeNotSent(this ILogger logger, string holder, string mobile, SendCodeResult refusal);

    [LoggerMessage(2377, LogLevel.Warning, "The holder sign-in code for {Holder} could not be sent")]
    public static partial void CodeSendFailed(this ILogger logger, Exception exception, string holder);

    [LoggerMessage(2378, LogLevel.Information, "Holder sign-in code for {Holder} refused: {Result}")]
    public static partial void CodeRefused(this ILogger logger, string holder, ConfirmCodeResult result);

    [LoggerMessage(2379, LogLevel.Information, "Holder sign-in by code refused for {Holder}: {Reason}")]
    public static partial void MobileRefused(this ILogger logger, string holder, string reason);

    [LoggerMessage(2380, LogLevel.Warning, "Holder sign-in by code refused: no mobile-owner check (Shahkar) is configured and this is not a development server")]
    public static partial void MobileSignInUnavailable(this ILogger logger);

    [LoggerMessage(2381, LogLevel.Information, "Holder sign-in form refused: {Reason}")]
    public static partial void FormRefused(this ILogger logger, string reason);
}
