namespace CertificateInquiry.Web.Data;

/// <summary>Column lengths, shared by the EF model and by input validation so they cannot drift apart.</summary>
public static class DataLimits
{
    public const int Name = 64;

    /// <summary>
    /// A holder's identifier: an Iranian national code (10 digits) or a foreign national's unique identifier (12 digits),
    /// in one column (<c>NationalCode</c>) so that every lookup finds either (ADR-033).
    /// </summary>
    public const int HolderIdentifier = 12;

    /// <summary>A nationality: the ISO 3166-1 alpha-2 code.</summary>
    public const int CountryCode = 2;

    /// <summary>A passport or residence-card number as a paper certificate of a foreign national carries it.</summary>
    public const int IdentityDocumentNumber = 32;
    public const int Title = 200;
    public const int StandardCode = 32;
    public const int CertificateNumber = 32;
    public const int Mobile = 11;
    public const int Email = 254;
    public const int FileName = 120;
    public const int Note = 2000;
    public const int UserId = 64;
    public const int ClientId = 64;

    /// <summary>An agency's case reference and officer ID: their own identifiers, kept as sent.</summary>
    public const int AgencyReference = 64;

    /// <summary>An agency inquiry's id (<c>inquiryId</c>), a batch's id.</summary>
    public const int InquiryId = 40;

    /// <summary>A holder's note of whom a share code is for.</summary>
    public const int ShareRecipient = 100;
}
