namespace CertificateInquiry.Web.Features.Holders;

/// <summary>
/// The holders' own area, «کارنامه مهارتی من» (docs/decisions/ADR-032): its cookie scheme, sent only to
/// <see cref="Path"/>, apart from the staff (/admin) and agency (/agency) cookies, and its addresses.
/// </summary>
public static class HolderDefaults
{
    /// <summary>The session scheme of a signed-in holder.</summary>
    public const string Scheme = "holder";

    public const string Path = "/my";

    public const string CookieName = "ci-holder";

    public const string SignInPath = Path + "/sign-in";

    public const string SignOutPath = Path + "/sign-out";

    /// <summary>Where an employer enters a share code (nothing else).</summary>
    public const string SharePath = "/share";
}
