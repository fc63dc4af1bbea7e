namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>How the first password of a new account is chosen.</summary>
public static class PasswordChoice
{
    /// <summary>The portal makes one up and shows it once.</summary>
    public const string Generate = "generate";

    /// <summary>The admin types one.</summary>
    public const string Type = "type";
}
