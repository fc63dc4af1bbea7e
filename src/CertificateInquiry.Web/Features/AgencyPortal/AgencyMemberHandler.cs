using Microsoft.AspNetCore.Authorization;

namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>Meets <see cref="AgencyMemberRequirement"/> when <see cref="AgencyPortalMember"/> finds the user and agency in good standing now.</summary>
public sealed class AgencyMemberHandler(AgencyPortalMember member) : AuthorizationHandler<AgencyMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AgencyMemberRequirement requirement)
    {
        if (await member.IsInGoodStandingAsync(context.User))
        {
            context.Succeed(requirement);
        }
    }
}
