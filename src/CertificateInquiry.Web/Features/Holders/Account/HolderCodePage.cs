namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>The second step of the sign-in by code: the masked mobile the code went to, and the form for the code.</summary>
public sealed record HolderCodePage(string MaskedMobile, string? ReturnUrl, string CodeLifetime)
{
    public string? Notice { get; init; }

    /// <summary>Whether the form asking for a new code carries the CAPTCHA.</summary>
    public bool Captcha { get; init; }

    /// <summary>A development server without Shahkar: the page says the number's owner is not checked.</summary>
    public bool OwnershipNotChecked { get; init; }
}
