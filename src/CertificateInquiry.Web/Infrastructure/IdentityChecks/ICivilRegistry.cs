namespace CertificateInquiry.Web.Infrastructure.IdentityChecks;

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
