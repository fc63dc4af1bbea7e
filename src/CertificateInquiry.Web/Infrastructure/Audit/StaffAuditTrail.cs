using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// Writes the staff audit trail (the back-office's, and the agency portal administrators' work on their users). <see cref="Record"/> only adds the entry to the context: the caller's own
/// SaveChanges writes it with the change it describes, so there is never an action without its entry or the reverse.
/// </summary>
public sealed class StaffAuditTrail(AppDbContext db, StaffScope scope, TimeProvider clock)
{
    /// <summary>An agency's administrator managing the agency's portal users is audited here too (their own id and name).</summary>
    private string? AgencyUserId => AgencyAccess.IsAgencyUser(scope.User) ? scope.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The id of whoever is acting (for log lines), or «?» outside a signed-in request.</summary>
    public string ActorId => scope.UserId ?? AgencyUserId ?? "?";

    public StaffAuditEntry Record(
        string action, string? subjectType = null, string? subjectId = null, int? provinceId = null,
        string? fromStatus = null, string? toStatus = null, string? details = null)
    {
        var entry = new StaffAuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = scope.UserId ?? AgencyUserId
                ?? throw new InvalidOperationException("Only a signed-in staff member's or agency portal user's action is audited here."),
            UserName = scope.User.FindFirst(StaffClaimTypes.FullName)?.Value ?? scope.User.Identity?.Name ?? scope.UserId ?? AgencyUserId!,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            ProvinceId = provinceId,
            FromStatus = fromStatus,
            ToStatus = toStatus,
            Details = details,
        };
        db.StaffAudit.Add(entry);
        return entry;
    }
}
