using CertificateInquiry.Web.Domain.Requests;
using Microsoft.AspNetCore.Authorization;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>The resource belongs to a province the user may see (see <see cref="StaffAccess.CanSee"/>).</summary>
public sealed class ProvinceResourceRequirement : IAuthorizationRequirement
{
    public static readonly ProvinceResourceRequirement Instance = new();
}

/// <summary>Any back-office resource reduced to its province: a document, a letter, a request not loaded whole.</summary>
public sealed record ProvinceResource(int? ProvinceId);

/// <summary>
/// Decides <see cref="ProvinceResourceRequirement"/> for a <see cref="ProvinceResource"/> or an
/// <see cref="InquiryRequest"/>; any other resource, or none, is refused.
/// </summary>
public sealed class ProvinceResourceHandler : AuthorizationHandler<ProvinceResourceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ProvinceResourceRequirement requirement)
    {
        var province = context.Resource switch
        {
            ProvinceResource resource => (Known: true, resource.ProvinceId),
            InquiryRequest request => (Known: true, request.ProvinceId),
            _ => (Known: false, ProvinceId: null),
        };

        if (province.Known && StaffAccess.CanSee(context.User, province.ProvinceId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
