using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>The change-password form. Passwords are taken exactly as typed.</summary>
public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

/// <summary>The change page; <paramref name="MustChange"/> when a password an admin made must be replaced first.</summary>
public sealed record ChangePasswordPage(bool MustChange, bool Changed, string? RetryHint = null);

/// <summary>Why the password was not changed: the field it is about and the Persian message.</summary>
public sealed record PasswordChangeError(string Field, string Message);

/// <summary>
/// A member of staff changes their own password: the current one (checked behind the sign-in throttle, so a session
/// left open cannot be used to guess it), the new one under Identity's password rules, typed twice. The change renews
/// the security stamp, so every other session of the user ends at its next check; this one is re-issued. It clears
/// the must-change flag of a password an admin made, and is written to the staff audit trail.
/// </summary>
public sealed class PasswordChange(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signInManager,
    ISignInThrottle throttle,
    StaffAuditTrail trail,
    AppDbContext db,
    IHttpContextAccessor httpContextAccessor,
    ILogger<PasswordChange> logger)
{
    public const string CurrentRequired = "گذرواژه کنونی را وارد کنید.";
    public const string CurrentWrong = "گذرواژه کنونی درست نیست.";
    public const string NewRequired = "گذرواژه تازه را وارد کنید.";
    public const string ConfirmRequired = "گذرواژه تازه را دوباره وارد کنید.";
    public const string ConfirmMismatch = "تکرار گذرواژه تازه با خود آن یکی نیست.";
    public const string SameAsCurrent = "گذرواژه تازه باید با گذرواژه کنونی فرق داشته باشد.";

    /// <summary>The errors (none: changed), and how long to wait when the current password was guessed too often.</summary>
    public async Task<(IReadOnlyList<PasswordChangeError> Errors, TimeSpan RetryAfter)> ChangeAsync(StaffUser user, ChangePasswordInput input)
    {
        var errors = new List<PasswordChangeError>();
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            errors.Add(new(nameof(input.CurrentPassword), CurrentRequired));
        }

        if (string.IsNullOrEmpty(input.NewPassword))
        {
            errors.Add(new(nameof(input.NewPassword), NewRequired));
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, input.NewPassword);
                errors.AddRange(result.Errors.Select(e => new PasswordChangeError(nameof(input.NewPassword), e.Description)));
            }

            if (input.NewPassword == input.CurrentPassword)
            {
                errors.Add(new(nameof(input.NewPassword), SameAsCurrent));
            }
        }

        if (string.IsNullOrEmpty(input.ConfirmPassword))
        {
            errors.Add(new(nameof(input.ConfirmPassword), ConfirmRequired));
        }
        else if (!string.IsNullOrEmpty(input.NewPassword) && input.ConfirmPassword != input.NewPassword)
        {
            errors.Add(new(nameof(input.ConfirmPassword), ConfirmMismatch));
        }

        if (errors.Count > 0)
        {
            return (errors, TimeSpan.Zero);
        }

        var address = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress;
        var counted = await throttle.TryStartAsync(address, user.NormalizedEmail ?? user.Id);
        if (counted.IsHeldBack)
        {
            logger.LogWarning("Password change of staff user {UserId} held back: too many wrong current passwords", user.Id);
            return ([new(nameof(input.CurrentPassword), CurrentWrong)], counted.RetryAfter);
        }

        if (!await users.CheckPasswordAsync(user, input.CurrentPassword!))
        {
            logger.LogWarning("Password change of staff user {UserId} refused: wrong current password", user.Id);
            return ([new(nameof(input.CurrentPassword), CurrentWrong)], TimeSpan.Zero);
        }

        await throttle.SucceededAsync(counted);
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var entry = trail.Record("user.password.change", "StaffUser", user.Id, user.ProvinceId,
            details: mustChange ? "گذرواژه‌ای که مدیر ساخته بود با گذرواژه خود کاربر جایگزین شد." : "کاربر گذرواژه خود را تغییر داد.");

        // Checks the current password again, sets the new hash, renews the security stamp and saves the audit entry with it.
        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!changed.Succeeded)
        {
            user.MustChangePassword = mustChange;
            db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            return (changed.Errors.Select(e => new PasswordChangeError(
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(input.CurrentPassword) : nameof(input.NewPassword),
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? CurrentWrong : e.Description)).ToList(), TimeSpan.Zero);
        }

        // This session goes on with the new stamp (and without the must-change claim); the others end at their next check.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("Staff user {UserId} changed their password", user.Id);
        return ([], TimeSpan.Zero);
    }
}
