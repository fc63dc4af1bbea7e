namespace CertificateInquiry.Web.Domain;

public enum Gender
{
    Male,
    Female,
}

/// <summary>A certificate holder, identified by the national code (کد ملی).</summary>
public class Person
{
    public long Id { get; set; }

    /// <summary>Ten ASCII digits, checksum-valid, unique.</summary>
    public required string NationalCode { get; set; }

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
