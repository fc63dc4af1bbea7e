namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>What the sign-in page shows: the national sign-in's button, or the form for a code by SMS.</summary>
public sealed record HolderSignInPage(MobileSignInInput Input, bool NationalSignIn, bool MobileSignIn, bool OwnershipNotChecked)
{
    public bool SignedOut { get; init; }

    /// <summary>Whether the form carries the CAPTCHA (the request form's threshold for codes, per address).</summary>
    public bool Captcha { get; init; }
}
