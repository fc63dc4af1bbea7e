using System.Linq.Expressions;
using System.Security.Claims;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// What the signed-in member of staff may see, for the request being served. Back-office queries filter by it
/// (<see cref="Restrict{T}"/>) and answer 404 for another province's resource (<see cref="CanSee"/>).
/// </summary>
public sealed class StaffScope(IHttpContextAccessor httpContextAccessor)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public ClaimsPrincipal User => httpContextAccessor.HttpContext?.User ?? Nobody;

    public bool IsStaff => StaffAccess.IsStaff(User);

    public string? UserId => IsStaff ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public bool IsNationalAdmin => StaffAccess.IsNationalAdmin(User);

    /// <summary>
    /// The user's province; null means every province and is only ever the case for a national admin (a provincial
    /// user without a province is not staff at all, see <see cref="StaffAccess.IsStaff"/>).
    /// </summary>
    public int? ProvinceId => IsNationalAdmin ? null : StaffAccess.ProvinceIdOf(User);

    /// <summary>Whether the user may see a resource of province <paramref name="provinceId"/>.</summary>
    public bool CanSee(int? provinceId) => StaffAccess.CanSee(User, provinceId);

    /// <summary>
    /// <paramref name="query"/> narrowed to what the user may see: everything for a national admin, their province
    /// for provincial staff, nothing for anyone else. <paramref name="provinceOf"/> selects the row's province.
    /// </summary>
    public IQueryable<T> Restrict<T>(IQueryable<T> query, Expression<Func<T, int?>> provinceOf)
    {
        if (IsNationalAdmin)
        {
            return query;
        }

        if (!IsStaff || StaffAccess.ProvinceIdOf(User) is not { } provinceId)
        {
            return query.Where(_ => false);
        }

        // row => provinceOf(row) == provinceId, built as an expression so the database does the filtering.
        var equals = Expression.Equal(provinceOf.Body, Expression.Constant(provinceId, typeof(int?)));
        return query.Where(Expression.Lambda<Func<T, bool>>(equals, provinceOf.Parameters));
    }
}
