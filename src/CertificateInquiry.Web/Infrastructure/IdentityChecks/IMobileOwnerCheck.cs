namespace CertificateInquiry.Web.Infrastructure.IdentityChecks;

/// <summary>Shahkar's answer on a mobile number and a national code.</summary>
public enum MobileOwnerAnswer
{
    /// <summary>No Shahkar is configured: nothing was asked.</summary>
    NotAsked,

    Registered,

    NotRegistered,

    /// <summary>The service could not be asked (down, timed out, a refusal on our side): the caller goes on.</summary>
    Unavailable,
}

/// <summary>
/// Shahkar (سامانه شاهکار), the national register of which national code each mobile number belongs to, reached
/// through a licensed intermediary. Never throws for the service's failures: they are <see cref="MobileOwnerAnswer.Unavailable"/>.
/// </summary>
public interface IMobileOwnerCheck
{
    Task<MobileOwnerAnswer> CheckAsync(string nationalCode, string mobile, CancellationToken cancellationToken);
}
