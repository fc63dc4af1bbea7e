using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>A member of staff as the users pages show them.</summary>
public sealed record StaffUserSummary(
    string Id,
    string FullName,
    string Email,
    string Title,
    string? Role,
    int? ProvinceId,
    bool IsActive,
    bool MustChangePassword,
    bool TwoFactorEnabled,
    DateTime CreatedAtUtc,
    string ConcurrencyStamp)
{
    public string RoleTitle => Role is null ? "بدون نقش" : StaffRoles.PersianTitle(Role);

    public string ProvinceTitle => ProvinceOptions.NameOf(ProvinceId) ?? "همه استان‌ها";

    /// <summary>Locked by an admin (deactivated): the only lock there is; failed sign-ins are slowed down, never locked.</summary>
    public bool IsLockedByAdmin => !IsActive;
}

/// <summary>Why a change to an account was not made: the message, and the form field it is about (null: none).</summary>
public sealed record StaffUserChangeError(string Message, string? Field = null);

/// <summary>
/// The national admin's work on staff accounts: the list, creating, editing, locking and unlocking, resetting the
/// password and two-factor sign-in. Every change renews the user's security stamp, so that an open session of theirs picks it up (or ends) at
/// the next stamp check, and is written together with its audit entry. An admin cannot lock or demote themselves, so
/// there is always at least one national admin who can sign in.
/// </summary>
public sealed class StaffUserAdministration(
    AppDbContext db,
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signInManager,
    StaffUserAccounts accounts,
    StaffAuditTrail trail,
    StaffScope scope,
    ILogger<StaffUserAdministration> logger)
{
    public const string SubjectType = "StaffUser";
    public const int PageSize = 50;

    public const string CannotLockSelf = "حساب خودتان را نمی‌توانید قفل کنید.";
    public const string CannotResetOwnPassword = "گذرواژه خودتان را از صفحه «تغییر گذرواژه» عوض کنید.";
    public const string CannotDemoteSelf = "نقش خودتان را نمی‌توانید تغییر دهید؛ مدیر ستادی دیگری باید این کار را بکند.";
    public const string ChangedMeanwhile =
        "این حساب در این فاصله جای دیگری تغییر کرده است. مقادیر کنونی حساب در بالای صفحه آمده است؛ تغییرهای خود را بررسی و دوباره ذخیره کنید.";

    /// <summary>One page of the staff matching the filters, in Persian order of name (a few hundred rows: sorted in memory).</summary>
    public async Task<(IReadOnlyList<StaffUserSummary> Rows, Paging Paging)> ListAsync(StaffUserListQuery query, CancellationToken cancellationToken)
    {
        var matching = db.Users.AsNoTracking().Where(u => u.AgencyClientId == null);
        if (query.Province is { } provinceId)
        {
            matching = matching.Where(u => u.ProvinceId == provinceId);
        }

        if (query.Role is { } role)
        {
            // Role ids are the role names (seeded so by the migration).
            matching = matching.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == role));
        }

        if (query.Q is { Length: > 0 } text)
        {
            // Names are stored normalized (ی/ک, digits, spaces) as the query is; e-mails are compared in Identity's upper case.
            var upper = text.ToUpperInvariant();
            matching = matching.Where(u => u.FullName.Contains(text) || u.NormalizedEmail!.Contains(upper));
        }

        var rows = await Summaries(matching).ToListAsync(cancellationToken);
        rows.Sort((a, b) => ProvinceOptions.ComparePersian(a.FullName, b.FullName) is var byName and not 0
            ? byName
            : string.CompareOrdinal(a.Email, b.Email));
        var paging = Paging.For(query.Page, PageSize, rows.Count);
        return (rows.Page(paging).ToList(), paging);
    }

    public Task<StaffUserSummary?> FindAsync(string id, CancellationToken cancellationToken) =>
        Summaries(db.Users.AsNoTracking().Where(u => u.Id == id && u.AgencyClientId == null)).FirstOrDefaultAsync(cancellationToken);

    public bool IsCurrentUser(string userId) => scope.UserId == userId;

    /// <summary>Creates the account with its role and province and the audit entry, in one transaction.</summary>
    public async Task<(StaffUser? User, IReadOnlyList<StaffUserChangeError> Errors)> CreateAsync(
        NewStaffUserInput input, string password, CancellationToken cancellationToken)
    {
        var provinceName = ProvinceOptions.NameOf(input.ProvinceId);
        StaffAuditEntry? entry = null;
        var result = await accounts.CreateAsync(
            new NewStaffUser(input.Email!, password, input.Role!, input.FullName, input.Title, provinceName, MustChangePassword: true),
            cancellationToken,
            user => entry ??= trail.Record(
                "user.create", SubjectType, user.Id, user.ProvinceId, toStatus: input.Role,
                details: $"حساب «{user.FullName}» با نقش {StaffRoles.PersianTitle(input.Role!)}، {ProvinceText(user.ProvinceId)} ساخته شد."));

        if (!result.Succeeded)
        {
            var errors = result.Errors.Select(e => new StaffUserChangeError(e.Persian, e.Field == "Province" ? "ProvinceId" : e.Field)).ToList();
            return (null, errors);
        }

        logger.LogInformation("Staff user {UserId} created by {AdminId} with role {Role}", result.User!.Id, scope.UserId, input.Role);
        return (result.User, []);
    }

    /// <summary>Changes name, title, role and province; refuses to demote the admin doing it or to overwrite a change made meanwhile.</summary>
    public async Task<IReadOnlyList<StaffUserChangeError>> UpdateAsync(StaffUser user, EditStaffUserInput input, CancellationToken cancellationToken)
    {
        var currentRole = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (IsCurrentUser(user.Id) && input.Role != currentRole)
        {
            return [new StaffUserChangeError(CannotDemoteSelf, nameof(input.Role))];
        }

        if (!string.Equals(input.ConcurrencyStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return [new StaffUserChangeError(ChangedMeanwhile)];
        }

        var changes = new List<string>();
        Describe(changes, "نام", user.FullName, input.FullName!);
        Describe(changes, "سمت", user.Title, input.Title ?? "");
        Describe(changes, "نقش", currentRole is null ? "—" : StaffRoles.PersianTitle(currentRole), StaffRoles.PersianTitle(input.Role!));
        Describe(changes, "استان", ProvinceOptions.NameOf(user.ProvinceId) ?? "همه استان‌ها", ProvinceOptions.NameOf(input.ProvinceId) ?? "همه استان‌ها");
        if (changes.Count == 0)
        {
            return [];
        }

        var errors = await InTransactionAsync(async () =>
        {
            user.FullName = input.FullName!;
            user.Title = input.Title ?? "";
            user.ProvinceId = input.ProvinceId;
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

            trail.Record("user.update", SubjectType, user.Id, user.ProvinceId, currentRole, input.Role,
                $"حساب «{user.FullName}»: " + string.Join("؛ ", changes) + ".");
            return await users.UpdateSecurityStampAsync(user);
        }, cancellationToken);

        if (errors.Count == 0)
        {
            logger.LogInformation("Staff user {UserId} changed by {AdminId}: role {Role}, province {ProvinceId}", user.Id, scope.UserId, input.Role, input.ProvinceId);
            await RefreshIfCurrentUserAsync(user);
        }

        return errors;
    }

    /// <summary>
    /// Locks the account until an admin unlocks it (deactivated: the portal's own sign-in check); the new security stamp
    /// ends an open session at its next check.
    /// </summary>
    public async Task<StaffUserChangeError?> LockAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (IsCurrentUser(user.Id))
        {
            return new StaffUserChangeError(CannotLockSelf);
        }

        if (!user.IsActive)
        {
            return null; // already locked (a second click, or another admin): nothing to do, nothing to record
        }

        user.IsActive = false;
        trail.Record("user.lock", SubjectType, user.Id, user.ProvinceId, "Active", "Locked", $"حساب «{user.FullName}» قفل شد.");
        var result = await users.UpdateSecurityStampAsync(user); // one SaveChanges: the user and the audit entry
        if (!result.Succeeded)
        {
            return new StaffUserChangeError(result.Errors.First().Description);
        }

        logger.LogInformation("Staff user {UserId} locked by {AdminId}", user.Id, scope.UserId);
        return null;
    }

    /// <summary>Opens a locked account.</summary>
    public async Task<StaffUserChangeError?> UnlockAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (user.IsActive)
        {
            return null;
        }

        user.IsActive = true;
        user.LockoutEnd = null; // what the lockout of earlier versions left behind
        user.AccessFailedCount = 0;
        trail.Record("user.unlock", SubjectType, user.Id, user.ProvinceId, "Locked", "Active", $"قفل حساب «{user.FullName}» باز شد.");
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return new StaffUserChangeError(result.Errors.First().Description);
        }

        logger.LogInformation("Staff user {UserId} unlocked by {AdminId}", user.Id, scope.UserId);
        return null;
    }

    /// <summary>
    /// Turns two-factor sign-in off and replaces the authenticator key, so the old app's codes stop working; a national
    /// admin is sent to set it up again at their next sign-in. The old recovery codes cannot be used while two-factor is
    /// off, and setting it up again issues new ones.
    /// </summary>
    public async Task<IReadOnlyList<StaffUserChangeError>> ResetTwoFactorAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var errors = await InTransactionAsync(async () =>
        {
            if (await users.SetTwoFactorEnabledAsync(user, false) is { Succeeded: false } disabled)
            {
                return disabled;
            }

            trail.Record("user.two-factor.reset", SubjectType, user.Id, user.ProvinceId,
                details: $"ورود دومرحله‌ای حساب «{user.FullName}» بازنشانی شد.");
            return await users.ResetAuthenticatorKeyAsync(user); // also renews the security stamp
        }, cancellationToken);

        if (errors.Count == 0)
        {
            logger.LogInformation("Two-factor sign-in of staff user {UserId} reset by {AdminId}", user.Id, scope.UserId);
            await RefreshIfCurrentUserAsync(user);
        }

        return errors;
    }

    /// <summary>
    /// Gives the account a one-time password made up by the portal, returned to be shown this once: its owner must
    /// choose their own at the next sign-in, and their open sessions end at the next check (new security stamp). Written
    /// with its audit entry; an admin changes their own password on the change page instead.
    /// </summary>
    public async Task<(string? Password, IReadOnlyList<StaffUserChangeError> Errors)> ResetPasswordAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (IsCurrentUser(user.Id))
        {
            return (null, [new StaffUserChangeError(CannotResetOwnPassword)]);
        }

        var password = GeneratedPassword.New();
        var errors = await InTransactionAsync(() =>
        {
            trail.Record("user.password.reset", SubjectType, user.Id, user.ProvinceId,
                details: $"گذرواژه حساب «{user.FullName}» بازنشانی شد؛ کاربر باید در ورود بعدی گذرواژه خود را بگذارد.");
            return accounts.SetOneTimePasswordAsync(user, password);
        }, cancellationToken);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        logger.LogInformation("Password of staff user {UserId} reset by {AdminId}", user.Id, scope.UserId);
        return (password, []);
    }

    /// <summary>A member of staff by id; null for an agency portal user (theirs are managed from their agency's page).</summary>
    public async Task<StaffUser?> LoadAsync(string id) => await users.FindByIdAsync(id) is { AgencyClientId: null } user ? user : null;

    /// <summary>
    /// Runs Identity's steps (each saves on its own) in one transaction; a failed step rolls back the ones before it.
    /// The audit entry recorded inside is written by a step's save, so it commits or rolls back with them.
    /// </summary>
    private async Task<IReadOnlyList<StaffUserChangeError>> InTransactionAsync(Func<Task<IdentityResult>> steps, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var result = await steps();
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellation);
                return result.Errors.Select(e => new StaffUserChangeError(
                    e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? ChangedMeanwhile : e.Description)).ToList();
            }

            await transaction.CommitAsync(cancellation);
            return (IReadOnlyList<StaffUserChangeError>)[];
        }, cancellationToken);
    }

    /// <summary>A new security stamp would end the admin's own session at the next check: re-issue their cookie.</summary>
    private async Task RefreshIfCurrentUserAsync(StaffUser user)
    {
        if (IsCurrentUser(user.Id))
        {
            await signInManager.RefreshSignInAsync(user);
        }
    }

    private static void Describe(List<string> changes, string what, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            // «از … به …» rather than an arrow: in right-to-left text an arrow points the wrong way or is mirrored.
            changes.Add($"{what} از «{(before.Length == 0 ? "—" : before)}» به «{(after.Length == 0 ? "—" : after)}»");
        }
    }

    private static string ProvinceText(int? provinceId) =>
        ProvinceOptions.NameOf(provinceId) is { } name ? "استان " + name : "همه استان‌ها";

    private IQueryable<StaffUserSummary> Summaries(IQueryable<StaffUser> query) => query.Select(u => new StaffUserSummary(
        u.Id,
        u.FullName,
        u.Email ?? "",
        u.Title,
        db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).FirstOrDefault(),
        u.ProvinceId,
        u.IsActive,
        u.MustChangePassword,
        u.TwoFactorEnabled,
        u.CreatedAtUtc,
        u.ConcurrencyStamp ?? ""));
}
