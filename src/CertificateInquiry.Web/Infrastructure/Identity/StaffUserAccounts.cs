using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// What it takes to create a member of staff. <paramref name="ProvinceName"/> is a province's Persian name;
/// <paramref name="MustChangePassword"/> when someone else chose the password (an admin, an operator).
/// <paramref name="AgencyClientId"/> makes an agency portal user instead: then the role is one of <see cref="AgencyRoles"/>
/// and there is no province.
/// </summary>
public sealed record NewStaffUser(
    string Email, string Password, string Role, string? FullName = null, string? Title = null, string? ProvinceName = null,
    bool MustChangePassword = false, int? AgencyClientId = null);

/// <summary>
/// Why an account could not be created, in Persian (for pages) and English (beside it on the command line).
/// <paramref name="Field"/> names the input it is about (<c>Email</c>, <c>Password</c>, <c>Role</c>, <c>Province</c>), so
/// that the users page can show it beside that field; null when it is about no one field.
/// </summary>
public sealed record StaffAccountError(string Persian, string English, string? Field = null)
{
    public override string ToString() => Persian + " | " + English;
}

public sealed record StaffAccountResult(StaffUser? User, IReadOnlyList<StaffAccountError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Creates staff accounts with their role and province, all or nothing: used by the <c>create-user</c> command, the
/// Development demo users and the users page; and gives an account a one-time password (<c>reset-password</c>). The
/// password policy is Identity's, as configured.
/// </summary>
public sealed class StaffUserAccounts(
    UserManager<StaffUser> users,
    AppDbContext db,
    TimeProvider clock,
    IOptions<IdentityOptions> identityOptions,
    ILogger<StaffUserAccounts> logger)
{
    /// <summary>
    /// Creates the account and its role in one transaction. <paramref name="beforeCommit"/> is called with the new user
    /// inside that transaction, before the commit: whatever it adds to the context (the users page's audit entry) is
    /// saved with the account, so the account never exists without it.
    /// </summary>
    public async Task<StaffAccountResult> CreateAsync(
        NewStaffUser input, CancellationToken cancellationToken, Action<StaffUser>? beforeCommit = null)
    {
        var errors = new List<StaffAccountError>();
        var email = PersianText.NormalizeDigits(input.Email).Trim();
        var role = input.AgencyClientId is null ? StaffRoles.Find(input.Role) : AgencyRoles.Find(input.Role);
        var provinceName = NormalizeProvinceName(input.ProvinceName);
        int? provinceId = null;

        if (input.AgencyClientId is not null)
        {
            if (role is null || provinceName.Length > 0)
            {
                errors.Add(new("نقش کاربر دستگاه شناخته نشد.", "an agency portal user needs an agency role and no province.", "Role"));
            }
        }
        else if (role is null)
        {
            errors.Add(new("نقش شناخته نشد؛ یکی از NationalAdmin، ProvincialManager یا ProvincialExpert را بنویسید.",
                "unknown role: use NationalAdmin, ProvincialManager or ProvincialExpert.", "Role"));
        }
        else if (StaffRoles.IsProvincial(role) && provinceName.Length == 0)
        {
            errors.Add(new("برای این نقش، استان را بنویسید.", "this role needs a province.", "Province"));
        }
        else if (!StaffRoles.IsProvincial(role) && provinceName.Length > 0)
        {
            errors.Add(new("مدیر ستادی استان ندارد؛ استان را ننویسید.", "a national admin has no province: leave it out.", "Province"));
        }
        else if (provinceName.Length > 0)
        {
            var provinces = await db.Provinces.AsNoTracking().ToListAsync(cancellationToken);
            provinceId = provinces.FirstOrDefault(p => PersianText.Normalize(p.Name) == provinceName)?.Id;
            if (provinceId is null)
            {
                errors.Add(new("استان شناخته نشد؛ نام یکی از ۳۱ استان را به فارسی بنویسید، مثلاً «تهران».",
                    "unknown province: write one of the 31 province names in Persian.", "Province"));
            }
        }

        if (errors.Count > 0)
        {
            return new StaffAccountResult(null, errors);
        }

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = PersianText.Normalize(input.FullName),
            Title = PersianText.Normalize(input.Title),
            ProvinceId = provinceId,
            AgencyClientId = input.AgencyClientId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            IsActive = true,
            MustChangePassword = input.MustChangePassword,
        };

        // The user and their role are written together: a user without a role could sign in to nothing.
        var strategy = db.Database.CreateExecutionStrategy();
        var identityErrors = await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                return created.Errors.ToList();
            }

            var added = await users.AddToRoleAsync(user, role!);
            if (!added.Succeeded)
            {
                return added.Errors.ToList();
            }

            if (beforeCommit is not null)
            {
                beforeCommit(user);
                await db.SaveChangesAsync(cancellation);
            }

            await transaction.CommitAsync(cancellation);
            return [];
        }, cancellationToken);

        if (identityErrors.Count > 0)
        {
            // The user name is the e-mail address: Identity's complaint about the one repeats its complaint about the other.
            var codes = identityErrors.Select(e => e.Code).ToHashSet();
            var reported = identityErrors.Where(e =>
                !(e.Code == nameof(IdentityErrorDescriber.DuplicateUserName) && codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)))
                && !(e.Code == nameof(IdentityErrorDescriber.InvalidUserName) && codes.Contains(nameof(IdentityErrorDescriber.InvalidEmail))));
            return new StaffAccountResult(null, reported.Select(e => new StaffAccountError(e.Description, English(e), FieldOf(e))).ToList());
        }

        logger.LogInformation("Staff user {UserId} created with role {Role}", user.Id, role);
        logger.LogDebug("Staff user {UserId} has e-mail {Email}", user.Id, email);
        return new StaffAccountResult(user, []);
    }

    /// <summary>
    /// Replaces the password of the account with <paramref name="email"/> by <paramref name="password"/>, which its owner
    /// must change at the next sign-in. The security stamp is renewed, so open sessions end at their next check.
    /// </summary>
    public async Task<StaffAccountResult> ResetPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = await users.FindByEmailAsync(PersianText.NormalizeDigits(email).Trim());
        if (user is null)
        {
            return new StaffAccountResult(null, [new("کاربری با این ایمیل نیست.", "no user has this e-mail address.", "Email")]);
        }

        var result = await SetOneTimePasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return new StaffAccountResult(null, result.Errors.Select(e => new StaffAccountError(e.Description, English(e), FieldOf(e))).ToList());
        }

        logger.LogInformation("Staff user {UserId} was given a one-time password", user.Id);
        return new StaffAccountResult(user, []);
    }

    /// <summary>
    /// Sets <paramref name="password"/> (checked against the password rules) as a one-time password: the must-change
    /// flag is set and the security stamp renewed, in one save with whatever else the context holds (an audit entry).
    /// </summary>
    public async Task<IdentityResult> SetOneTimePasswordAsync(StaffUser user, string password)
    {
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
        }

        return result;
    }

    /// <summary>Persian normalization (ی/ک, digits, spaces), and «استان» in front is accepted as the import accepts it.</summary>
    private static string NormalizeProvinceName(string? name)
    {
        var normalized = PersianText.Normalize(name);
        const string Prefix = "استان ";
        return normalized.StartsWith(Prefix, StringComparison.Ordinal) ? normalized[Prefix.Length..] : normalized;
    }

    private static string? FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "Email",
        _ => null,
    };

    private string English(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => string.Create(CultureInfo.InvariantCulture,
            $"the password must be at least {identityOptions.Value.Password.RequiredLength} characters long."),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "the password needs more different characters.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "a user with this e-mail address already exists.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            "the e-mail address is not valid.",
        _ => error.Code,
    };
}
