using Microsoft.AspNetCore.Authorization;

namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>The requirement of <see cref="AgencyPortalPolicies.Member"/>, met by <see cref="AgencyMemberHandler"/>.</summary>
public sealed class AgencyMemberRequirement : IAuthorizationRequirement
{
    public static readonly AgencyMemberRequirement Instance = new();

    private AgencyMemberRequirement()
    {
    }
}
