namespace CertificateInquiry.Web.Features.Holders;

/// <summary>The holders' area's authorization policy, bound to its own cookie scheme (<see cref="HolderDefaults.Scheme"/>).</summary>
public static class HolderPolicies
{
    /// <summary>A holder signed in through the national sign-in or a one-time code to a confirmed mobile.</summary>
    public const string Holder = "holder";
}
