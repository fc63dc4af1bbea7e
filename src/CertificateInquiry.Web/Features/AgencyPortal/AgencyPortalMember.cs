using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>
/// The signed-in agency portal user of this request, and their agency as it stands now. The policy asks
/// <see cref="IsInGoodStandingAsync"/> at every request (one small query): a deactivated account, a password or
/// authenticator reset (a new security stamp) or a suspended or expired agency ends the session at once, not at the
/// next periodic check. Pages use <see cref="CallerAsync"/> exactly as the API uses a bearer token's agency.
/// </summary>
public sealed class AgencyPortalMember(
    IHttpContextAccessor httpContextAccessor,
    AppDbContext db,
    AgencyDirectory directory,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock,
    ILogger<AgencyPortalMember> logger)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    private bool? goodStanding;

    private ClaimsPrincipal User => httpContextAccessor.HttpContext?.User ?? Nobody;

    private CancellationToken Aborted => httpContextAccessor.HttpContext?.RequestAborted ?? CancellationToken.None;

    public int AgencyClientId => AgencyAccess.AgencyClientIdOf(User) ?? throw NotAMember();

    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw NotAMember();

    public string FullName => User.FindFirstValue(StaffClaimTypes.FullName) ?? "";

    public bool IsAdministrator => AgencyAccess.IsAdministrator(User);

    /// <summary>
    /// The agency with its current standing and scopes, as the API builds it for a bearer token; null when the agency
    /// is unknown, suspended or expired today (Iran time).
    /// </summary>
    public async Task<AgencyCaller?> CallerAsync(CancellationToken cancellationToken)
    {
        if (AgencyAccess.AgencyClientIdOf(User) is not { } agencyId)
        {
            return null;
        }

        var agency = await directory.FindAsync(agencyId, cancellationToken);
        return agency is not null && agency.IsActiveOn(IranTime.Today(clock)) ? new AgencyCaller(agency, agency.Scopes) : null;
    }

    /// <summary>
    /// Whether <paramref name="principal"/> (from the agency cookie) is an agency user whose account is active, still
    /// of that agency and unchanged since the cookie was issued (same security stamp), and whose agency may be used
    /// today. A session that fails is signed out here, so the browser drops the cookie with this response.
    /// </summary>
    public async Task<bool> IsInGoodStandingAsync(ClaimsPrincipal principal)
    {
        if (goodStanding is { } known)
        {
            return known;
        }

        if (!AgencyAccess.IsAgencyUser(principal) || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return false; // not an agency session at all (no cookie, or someone else's): nothing to end
        }

        var agencyId = AgencyAccess.AgencyClientIdOf(principal);
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.AgencyClientId, u.SecurityStamp })
            .SingleOrDefaultAsync(Aborted);
        var agency = agencyId is { } id ? await directory.FindAsync(id, Aborted) : null;
        goodStanding = account is { IsActive: true } && account.AgencyClientId == agencyId && account.SecurityStamp == stamp
            && agency is not null && agency.IsActiveOn(IranTime.Today(clock));
        if (goodStanding == false && httpContextAccessor.HttpContext is { } http)
        {
            AgencyPortalLog.SessionEnded(logger, userId, agencyId ?? 0);
            await http.SignOutAsync(AgencyPortalDefaults.Scheme);
        }

        return goodStanding.Value;
    }

    private static InvalidOperationException NotAMember() => new("The request is not of a signed-in agency portal user.");
}
