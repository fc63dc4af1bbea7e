using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Admin;
using CertificateInquiry.Web.Features.Admin.Users;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyPortal.Users;

/// <summary>Why a change to an agency portal account was not made: the message, and the form field it is about (null: none).</summary>
public sealed record AgencyUserError(string Message, string? Field = null);

/// <summary>
/// The agency portal users of one agency: listed, created (with a one-time password the portal makes up and returns
/// to be shown once), renamed or given the other role, deactivated and reactivated, their password or authenticator
/// reset. Used by the agency's own administrators (always for their own agency: another agency's user is not found)
/// and by national admins (an agency's first administrator). Every change is written with its entry in the staff
/// audit trail (actor: whoever is signed in), and renews the user's security stamp, which ends their open session at
/// its next request; an administrator cannot deactivate, demote or reset themselves.
/// </summary>
public sealed class AgencyUserAdministration(
    AppDbContext db,
    UserManager<StaffUser> users,
    StaffUserAccounts accounts,
    StaffAuditTrail trail,
    ILogger<AgencyUserAdministration> logger)
{
    public const string SubjectType = "AgencyUser";

    public const string CannotChangeSelf = "این کار را روی حساب خودتان نمی‌توانید انجام دهید؛ مدیر دیگری از دستگاه یا مدیر سامانه باید آن را انجام دهد.";
    public const string ChangedMeanwhile =
        "این حساب در این فاصله جای دیگری تغییر کرده است. مقادیر کنونی حساب در بالای صفحه آمده است؛ تغییرهای خود را بررسی و دوباره ذخیره کنید.";

    /// <summary>Every portal user of the agency (a few dozen at most), in Persian order of name.</summary>
    public async Task<IReadOnlyList<AgencyUserSummary>> ListAsync(int agencyId, CancellationToken cancellationToken)
    {
        var rows = await Summaries(db.Users.AsNoTracking().Where(u => u.AgencyClientId == agencyId)).ToListAsync(cancellationToken);
        rows.Sort((a, b) => ProvinceOptions.ComparePersian(a.FullName, b.FullName) is var byName and not 0
            ? byName
            : string.CompareOrdinal(a.Email, b.Email));
        return rows;
    }

    /// <summary>The user <paramref name="id"/> if they are of agency <paramref name="agencyId"/>; else null, as if there were none.</summary>
    public Task<AgencyUserSummary?> FindAsync(int agencyId, string id, CancellationToken cancellationToken) =>
        Summaries(db.Users.AsNoTracking().Where(u => u.Id == id && u.AgencyClientId == agencyId)).FirstOrDefaultAsync(cancellationToken);

    public async Task<StaffUser?> LoadAsync(int agencyId, string id) =>
        id.Length <= 64 && await users.FindByIdAsync(id) is { } user && user.AgencyClientId == agencyId ? user : null;

    /// <summary>Creates the account with a one-time password, returned to be shown once; written with its audit entry.</summary>
    public async Task<(StaffUser? User, string? Password, IReadOnlyList<AgencyUserError> Errors)> CreateAsync(
        int agencyId, string agencyName, AgencyUserInput input, CancellationToken cancellationToken)
    {
        var password = GeneratedPassword.New();
        var result = await accounts.CreateAsync(
            new NewStaffUser(input.Email!, password, input.Role!, input.FullName, MustChangePassword: true, AgencyClientId: agencyId),
            cancellationToken,
            user => trail.Record("agency-user.create", SubjectType, user.Id, toStatus: input.Role,
                details: $"حساب «{user.FullName}» با نقش {AgencyRoles.PersianTitle(input.Role!)} در درگاه دستگاه «{agencyName}» ساخته شد."));
        if (!result.Succeeded)
        {
            return (null, null, result.Errors.Select(e => new AgencyUserError(e.Persian, e.Field is "Email" or "Role" ? e.Field : null)).ToList());
        }

        AgencyPortalLog.UserCreated(logger, result.User!.Id, agencyId, trail.ActorId, input.Role!);
        return (result.User, password, []);
    }

    /// <summary>Changes name and role; refuses to demote the administrator doing it or to overwrite a change made meanwhile.</summary>
    public async Task<IReadOnlyList<AgencyUserError>> UpdateAsync(StaffUser user, AgencyUserInput input, string? actorId, CancellationToken cancellationToken)
    {
        var currentRole = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (user.Id == actorId && input.Role != currentRole)
        {
            return [new AgencyUserError(CannotChangeSelf, nameof(input.Role))];
        }

        if (!string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return [new AgencyUserError(ChangedMeanwhile)];
        }

        if (input.FullName == user.FullName && input.Role == currentRole)
        {
            return [];
        }

        var details = $"حساب «{user.FullName}»: " + (input.FullName == user.FullName ? "" : $"نام به «{input.FullName}»؛ ")
            + (input.Role == currentRole ? "" : $"نقش به {AgencyRoles.PersianTitle(input.Role!)}") + " تغییر کرد.";
        return await InTransactionAsync(async () =>
        {
            user.FullName = input.FullName!;
            if (input.Role != currentRole)
            {
                if (currentRole is not null && await users.RemoveFromRoleAsync(user, currentRole) is { Succeeded: false } removed)
                {
                    return removed;
                }

                if (await users.AddToRoleAsync(user, input.Role!) is { Succeeded: false } added)
                {
                    return added;
                }
            }

            trail.Record("agency-user.update", SubjectType, user.Id, fromStatus: currentRole, toStatus: input.Role, details: details);
            return await users.UpdateSecurityStampAsync(user);
        }, user, "update", cancellationToken);
    }

    public Task<IReadOnlyList<AgencyUserError>> DeactivateAsync(StaffUser user, string? actorId, CancellationToken cancellationToken)
    {
        if (user.Id == actorId)
        {
            return Task.FromResult<IReadOnlyList<AgencyUserError>>([new AgencyUserError(CannotChangeSelf)]);
        }

        if (!user.IsActive)
        {
            return Task.FromResult<IReadOnlyList<AgencyUserError>>([]); // a second click, or another administrator: nothing to do
        }

        return InTransactionAsync(() =>
        {
            user.IsActive = false;
            trail.Record("agency-user.deactivate", SubjectType, user.Id, fromStatus: "Active", toStatus: "Inactive",
                details: $"حساب «{user.FullName}» غیرفعال شد.");
            return users.UpdateSecurityStampAsync(user);
        }, user, "deactivate", cancellationToken);
    }

    public Task<IReadOnlyList<AgencyUserError>> ReactivateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (user.IsActive)
        {
            return Task.FromResult<IReadOnlyList<AgencyUserError>>([]);
        }

        return InTransactionAsync(() =>
        {
            user.IsActive = true;
            trail.Record("agency-user.reactivate", SubjectType, user.Id, fromStatus: "Inactive", toStatus: "Active",
                details: $"حساب «{user.FullName}» دوباره فعال شد.");
            return users.UpdateAsync(user);
        }, user, "reactivate", cancellationToken);
    }

    /// <summary>A one-time password made up by the portal, returned to be shown once; the owner must change it at the next sign-in.</summary>
    public async Task<(string? Password, IReadOnlyList<AgencyUserError> Errors)> ResetPasswordAsync(
        StaffUser user, string? actorId, CancellationToken cancellationToken)
    {
        if (user.Id == actorId)
        {
            return (null, [new AgencyUserError(CannotChangeSelf)]);
        }

        var password = GeneratedPassword.New();
        var errors = await InTransactionAsync(() =>
        {
            trail.Record("agency-user.password.reset", SubjectType, user.Id,
                details: $"گذرواژه حساب «{user.FullName}» بازنشانی شد؛ کاربر باید در ورود بعدی گذرواژه خود را بگذارد.");
            return accounts.SetOneTimePasswordAsync(user, password);
        }, user, "reset password", cancellationToken);
        return errors.Count == 0 ? (password, []) : (null, errors);
    }

    /// <summary>Turns two-factor sign-in off and replaces the key: the old app's codes stop working; the owner sets it up again at the next sign-in.</summary>
    public Task<IReadOnlyList<AgencyUserError>> ResetTwoFactorAsync(StaffUser user, string? actorId, CancellationToken cancellationToken)
    {
        if (user.Id == actorId)
        {
            return Task.FromResult<IReadOnlyList<AgencyUserError>>([new AgencyUserError(CannotChangeSelf)]);
        }

        return InTransactionAsync(async () =>
        {
            if (await users.SetTwoFactorEnabledAsync(user, false) is { Succeeded: false } disabled)
            {
                return disabled;
            }

            trail.Record("agency-user.two-factor.reset", SubjectType, user.Id, details: $"ورود دومرحله‌ای حساب «{user.FullName}» بازنشانی شد.");
            return await users.ResetAuthenticatorKeyAsync(user); // also renews the security stamp
        }, user, "reset two-factor", cancellationToken);
    }

    /// <summary>Identity's steps (each saves on its own) and the audit entry in one transaction; a failed step rolls all back.</summary>
    private async Task<IReadOnlyList<AgencyUserError>> InTransactionAsync(
        Func<Task<IdentityResult>> steps, StaffUser user, string action, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var errors = await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var result = await steps();
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellation);
                return result.Errors.Select(e => new AgencyUserError(
                    e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? ChangedMeanwhile : e.Description)).ToList();
            }

            await transaction.CommitAsync(cancellation);
            return (IReadOnlyList<AgencyUserError>)[];
        }, cancellationToken);
        if (errors.Count == 0)
        {
            AgencyPortalLog.UserChanged(logger, user.Id, trail.ActorId, action);
        }

        return errors;
    }

    private IQueryable<AgencyUserSummary> Summaries(IQueryable<StaffUser> query) => query.Select(u => new AgencyUserSummary(
        u.Id,
        u.FullName,
        u.Email ?? "",
        db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).FirstOrDefault(),
        u.IsActive,
        u.MustChangePassword,
        u.TwoFactorEnabled,
        u.CreatedAtUtc,
        u.ConcurrencyStamp ?? ""));
}
