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

/// <summary>A person as the civil registry (ثبت احوال) holds them.</summary>
public sealed record RegistryPerson(string FirstName, string LastName, string FatherName);

/// <summary>The registry's answer: the person, none with this national code and birth date, or no answer.</summary>
public sealed record RegistryAnswer(RegistryPerson? Person, bool NotFound, bool Unavailable)
{
    public static readonly RegistryAnswer NoOne = new(null, NotFound: true, Unavailable: false);

    public static readonly RegistryAnswer NoAnswer = new(null, NotFound: false, Unavailable: true);

    public static RegistryAnswer Found(RegistryPerson person) => new(person, NotFound: false, Unavailable: false);
}

/// <summary>
/// The civil registry's identity inquiry through a licensed intermediary: who holds this national code, given their
/// birth date. Null when no registry is configured. Never throws for the service's failures.
/// </summary>
public interface ICivilRegistry
{
    Task<RegistryAnswer> FindAsync(string nationalCode, DateOnly birthDate, CancellationToken cancellationToken);
}
