using System.Security.Claims;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;

namespace CertificateInquiry.UnitTests.Staff;

public sealed class StaffScopeTests
{
    private sealed record Row(int Id, int? ProvinceId);

    private static readonly IQueryable<Row> Rows = new[] { new Row(1, 8), new Row(2, 4), new Row(3, null), new Row(4, 8) }.AsQueryable();

    private static StaffScope ScopeOf(ClaimsPrincipal user) =>
        new(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } });

    [Fact]
    public void A_national_admin_has_no_province_and_every_row()
    {
        var scope = ScopeOf(ProvinceResourceRequirementTests.Staff(StaffRoles.NationalAdmin));

        Assert.True(scope.IsNationalAdmin);
        Assert.Null(scope.ProvinceId);
        Assert.Equal("user-1", scope.UserId);
        Assert.Equal([1, 2, 3, 4], scope.Restrict(Rows, r => r.ProvinceId).Select(r => r.Id));
    }

    [Fact]
    public void A_provincial_expert_has_their_province_and_its_rows()
    {
        var scope = ScopeOf(ProvinceResourceRequirementTests.Staff(StaffRoles.ProvincialExpert, 8));

        Assert.Equal(8, scope.ProvinceId);
        Assert.True(scope.CanSee(8));
        Assert.False(scope.CanSee(4));
        Assert.False(scope.CanSee(null));
        Assert.Equal([1, 4], scope.Restrict(Rows, r => r.ProvinceId).Select(r => r.Id));
    }

    [Fact]
    public void Without_a_staff_user_nothing_is_visible()
    {
        var scopes = new[]
        {
            ScopeOf(new ClaimsPrincipal(new ClaimsIdentity())),
            ScopeOf(ProvinceResourceRequirementTests.Staff(StaffRoles.ProvincialManager)), // no province: a broken record
            new StaffScope(new HttpContextAccessor()),
        };

        Assert.All(scopes, scope =>
        {
            Assert.False(scope.IsStaff);
            Assert.Null(scope.UserId);
            Assert.False(scope.CanSee(8));
            Assert.Empty(scope.Restrict(Rows, r => r.ProvinceId));
        });
    }
}
