namespace CertificateInquiry.Web.Domain;

public enum Gender
{
    Male,
    Female,
}

/// <summary>
/// A certificate holder, identified by the national code (کد ملی) of an Iranian or the unique identifier (کد یکتای اتباع)
/// of a foreign national, with their <see cref="Nationality"/> (ADR-033).
/// </summary>
public class Person
{
    public long Id { get; set; }

    /// <summary>
    /// The holder's identifier, unique: ten ASCII digits, checksum-valid, for an Iranian national code; twelve ASCII
    /// digits for a foreign national's unique identifier (کد یکتا / کد فراگیر اتباع). The length tells which.
    /// </summary>
    public required string NationalCode { get; set; }

    /// <summary>A foreign national's nationality (ISO 3166-1 alpha-2, see <see cref="Countries"/>); null for an Iranian.</summary>
    public string? Nationality { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public required string FatherName { get; set; }

    public DateOnly BirthDate { get; set; }

    public Gender Gender { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public ICollection<Certificate> Certificates { get; } = [];

    public string FullName => FirstName + " " + LastName;
}
