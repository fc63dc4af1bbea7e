namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>The agency portal's authorization policies, bound to its own cookie scheme (<see cref="AgencyPortalDefaults.Scheme"/>).</summary>
public static class AgencyPortalPolicies
{
    /// <summary>
    /// A signed-in agency portal user whose account is active and unchanged since sign-in, and whose agency is
    /// registered and neither suspended nor expired today: checked against the database at every request.
    /// </summary>
    public const string Member = "agency-member";

    /// <summary>A <see cref="Member"/> with the agency's administrator role.</summary>
    public const string Administrator = "agency-administrator";
}
