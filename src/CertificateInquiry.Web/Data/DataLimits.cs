namespace CertificateInquiry.Web.Data;

/// <summary>Column lengths, shared by the EF model and by input validation so they cannot drift apart.</summary>
public static class DataLimits
{
    public const int Name = 64;
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
