using System.Security.Claims;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CertificateInquiry.UnitTests.Staff;

/// <summary>"A resource of province X": who may see it.</summary>
public sealed class ProvinceResourceRequirementTests
{
    private const int Tehran = 8;
    private const int Isfahan = 4;

    internal static ClaimsPrincipal Staff(string role, int? provinceId = null, bool authenticated = true)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-1"), new(ClaimTypes.Role, role) };
        if (provinceId is not null)
        {
            claims.Add(new Claim(StaffClaimTypes.ProvinceId, provinceId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticated ? "Identity.Application" : null));
    }

    private static async Task<bool> AllowedAsync(ClaimsPrincipal user, object? resource)
    {
        var requirement = ProvinceResourceRequirement.Instance;
        var context = new AuthorizationHandlerContext([requirement], user, resource);
        await new ProvinceResourceHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData(Tehran)]
    [InlineData(Isfahan)]
    [InlineData(null)]
    public async Task A_national_admin_sees_every_province_and_resources_with_none(int? provinceId)
    {
        Assert.True(await AllowedAsync(Staff(StaffRoles.NationalAdmin), new ProvinceResource(provinceId)));
    }

    [Theory]
    [InlineData(StaffRoles.ProvincialManager)]
    [InlineData(StaffRoles.ProvincialExpert)]
    public async Task Provincial_staff_see_their_own_province_only(string role)
    {
        var user = Staff(role, Tehran);

        Assert.True(await AllowedAsync(user, new ProvinceResource(Tehran)));
        Assert.False(await AllowedAsync(user, new ProvinceResource(Isfahan)));
        Assert.False(await AllowedAsync(user, new ProvinceResource(null)));
    }

    [Fact]
    public async Task A_request_is_judged_by_its_province()
    {
        var user = Staff(StaffRoles.ProvincialExpert, Isfahan);

        Assert.True(await AllowedAsync(user, new InquiryRequest { AccessKey = "k", ProvinceId = Isfahan }));
        Assert.False(await AllowedAsync(user, new InquiryRequest { AccessKey = "k", ProvinceId = Tehran }));
    }

    [Fact]
    public async Task A_provincial_user_without_a_province_sees_nothing()
    {
        Assert.False(await AllowedAsync(Staff(StaffRoles.ProvincialManager), new ProvinceResource(Tehran)));
        Assert.False(await AllowedAsync(Staff(StaffRoles.ProvincialManager), new ProvinceResource(null)));
    }

    [Fact]
    public async Task Someone_not_signed_in_or_without_a_staff_role_sees_nothing()
    {
        Assert.False(await AllowedAsync(Staff(StaffRoles.NationalAdmin, authenticated: false), new ProvinceResource(Tehran)));
        Assert.False(await AllowedAsync(Staff("Auditor", Tehran), new ProvinceResource(Tehran)));
        Assert.False(await AllowedAsync(new ClaimsPrincipal(new ClaimsIdentity()), new ProvinceResource(Tehran)));
    }

    [Fact]
    public async Task A_resource_of_an_unknown_kind_or_none_is_refused()
    {
        Assert.False(await AllowedAsync(Staff(StaffRoles.NationalAdmin), "a string"));
        Assert.False(await AllowedAsync(Staff(StaffRoles.NationalAdmin), null));
    }
}
