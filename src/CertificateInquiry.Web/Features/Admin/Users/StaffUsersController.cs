using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>
/// /admin/users: the staff accounts. A national admin lists and filters them, creates one (with a typed first
/// password, or one the portal makes up and shows once), changes a person's name, title, role and province, locks and
/// unlocks an account, and resets its password (a one-time password shown once) or its two-factor sign-in. Each change is audited and reaches the person's open session
/// at the next security-stamp check (within a minute).
/// </summary>
[Route("admin/users")]
public sealed class StaffUsersController(
    StaffUserAdministration administration,
    IValidator<NewStaffUserInput> newUserValidator,
    IValidator<EditStaffUserInput> editValidator,
    TimeProvider clock) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] StaffUserListQuery query, CancellationToken cancellationToken)
    {
        query.Normalize();
        var (rows, paging) = await administration.ListAsync(query, cancellationToken);
        return View(new StaffUsersPage(query, rows, paging, clock.GetUtcNow()));
    }

    [HttpGet("new")]
    public IActionResult New() => View(new NewStaffUserPage(new NewStaffUserInput()));

    [HttpPost("new")]
    public async Task<IActionResult> New([FromForm] NewStaffUserInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        ModelState.Clear(); // model binding's own messages are English; the validator says it in Persian
        ModelState.AddErrors(await newUserValidator.ValidateAsync(input, cancellationToken));
        if (!ModelState.IsValid)
        {
            return View(new NewStaffUserPage(WithoutPassword(input)));
        }

        var generated = input.PasswordChoice == PasswordChoice.Generate ? GeneratedPassword.New() : null;
        var (user, errors) = await administration.CreateAsync(input, generated ?? input.Password!, cancellationToken);
        if (user is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Message);
            }

            return View(new NewStaffUserPage(WithoutPassword(input)));
        }

        // Shown in this response only (no redirect to a page that could show it again; staff pages are not cached).
        var created = await administration.FindAsync(user.Id, cancellationToken);
        return View("Created", new StaffUserCreatedPage(created!, generated));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, string? done, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var input = new EditStaffUserInput
        {
            FullName = user.FullName,
            Title = user.Title,
            Role = user.Role,
            ProvinceId = user.ProvinceId,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return View(DetailsPage(user, input, StaffUserDone.Message(done)));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Details(string id, [FromForm] EditStaffUserInput input, CancellationToken cancellationToken)
    {
        var user = await administration.LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        input.Normalize();
        ModelState.Clear();
        ModelState.AddErrors(await editValidator.ValidateAsync(input, cancellationToken));
        if (ModelState.IsValid)
        {
            var errors = await administration.UpdateAsync(user, input, cancellationToken);
            if (errors.Count == 0)
            {
                return Redirect($"/admin/users/{Uri.EscapeDataString(id)}?done={StaffUserDone.Saved}");
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Message);
            }
        }

        // What the person typed stays in the form; the account as it is now is shown above it. A form posted again
        // after a conflict carries the current stamp, so saving it then is a deliberate overwrite.
        var current = (await administration.FindAsync(id, cancellationToken))!;
        input.ConcurrencyStamp = current.ConcurrencyStamp;
        return View(DetailsPage(current, input, done: null));
    }

    [HttpPost("{id}/lock")]
    public Task<IActionResult> Lock(string id, CancellationToken cancellationToken) =>
        ActAsync(id, StaffUserDone.Locked, user => administration.LockAsync(user, cancellationToken), cancellationToken);

    [HttpPost("{id}/unlock")]
    public Task<IActionResult> Unlock(string id, CancellationToken cancellationToken) =>
        ActAsync(id, StaffUserDone.Unlocked, user => administration.UnlockAsync(user, cancellationToken), cancellationToken);

    /// <summary>A one-time password, shown in this response only (as at creation); the owner must change it at the next sign-in.</summary>
    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var user = await administration.LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var (password, errors) = await administration.ResetPasswordAsync(user, cancellationToken);
        if (password is null)
        {
            return await RefusedAsync(id, errors[0], cancellationToken);
        }

        return View("PasswordReset", new StaffUserPasswordResetPage((await administration.FindAsync(id, cancellationToken))!, password));
    }

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id, CancellationToken cancellationToken) =>
        ActAsync(id, StaffUserDone.TwoFactorReset,
            async user => await administration.ResetTwoFactorAsync(user, cancellationToken) is [var refusal, ..] ? refusal : null, cancellationToken);

    /// <summary>One of the buttons on a user's page: done → back to the page with a confirmation; refused → the page with why.</summary>
    private async Task<IActionResult> ActAsync(
        string id, string done, Func<StaffUser, Task<StaffUserChangeError?>> action, CancellationToken cancellationToken)
    {
        var user = await administration.LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await action(user) is { } error)
        {
            return await RefusedAsync(id, error, cancellationToken);
        }

        return Redirect($"/admin/users/{Uri.EscapeDataString(id)}?done={done}");
    }

    /// <summary>The user's page again, saying why the button's action was not done.</summary>
    private async Task<IActionResult> RefusedAsync(string id, StaffUserChangeError error, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", error.Message);
        var current = (await administration.FindAsync(id, cancellationToken))!;
        return View(nameof(Details), DetailsPage(current, new EditStaffUserInput
        {
            FullName = current.FullName,
            Title = current.Title,
            Role = current.Role,
            ProvinceId = current.ProvinceId,
            ConcurrencyStamp = current.ConcurrencyStamp,
        }, done: null));
    }

    private StaffUserPage DetailsPage(StaffUserSummary user, EditStaffUserInput input, string? done) =>
        new(user, input, administration.IsCurrentUser(user.Id), done, clock.GetUtcNow());

    private static NewStaffUserInput WithoutPassword(NewStaffUserInput input)
    {
        input.Password = null; // a password is never sent back into a page
        return input;
    }
}

/// <summary>The confirmations shown after a change, named in the address the change redirects to.</summary>
public static class StaffUserDone
{
    public const string Saved = "saved";
    public const string Locked = "locked";
    public const string Unlocked = "unlocked";
    public const string TwoFactorReset = "two-factor-reset";

    public static string? Message(string? done) => done switch
    {
        Saved => "تغییرها ذخیره شد. اگر این کاربر هم‌اکنون وارد سامانه است، تا یک دقیقه دیگر تغییرها برای او اعمال می‌شود.",
        Locked => "حساب قفل شد. این کاربر دیگر نمی‌تواند وارد شود و اگر هم‌اکنون وارد است، تا یک دقیقه دیگر از سامانه خارج می‌شود.",
        Unlocked => "قفل حساب باز شد. این کاربر اکنون می‌تواند با گذرواژه خود وارد شود.",
        TwoFactorReset => "ورود دومرحله‌ای این حساب بازنشانی شد. کدهای برنامه احراز هویت قبلی دیگر پذیرفته نمی‌شود؛ مدیر ستادی یا مدیر استانی باید در ورود بعدی آن را دوباره راه‌اندازی کند.",
        _ => null,
    };
}

public sealed record StaffUsersPage(StaffUserListQuery Query, IReadOnlyList<StaffUserSummary> Users, Paging Paging, DateTimeOffset Now)
{
    /// <summary>The list's address with the current filters and another page number.</summary>
    public string PageUrl(int page) => "/admin/users" + QueryString.Create(new Dictionary<string, string?>
    {
        ["province"] = Query.Province?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["role"] = Query.Role,
        ["q"] = string.IsNullOrEmpty(Query.Q) ? null : Query.Q,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => pair.Value is not null)).ToUriComponent();

    public bool IsFiltered => Query.Province is not null || Query.Role is not null || !string.IsNullOrEmpty(Query.Q);
}

public sealed record NewStaffUserPage(NewStaffUserInput Input)
{
    public static IReadOnlyList<(string Value, string Text)> RoleOptions { get; } =
        [.. StaffRoles.All.Select(role => (role, StaffRoles.PersianTitle(role)))];
}

/// <summary>The account whose password was reset, and the one-time password, shown this once.</summary>
public sealed record StaffUserPasswordResetPage(StaffUserSummary User, string OneTimePassword);

/// <summary>The new account; <paramref name="GeneratedPassword"/> is shown this once when the portal made it up.</summary>
public sealed record StaffUserCreatedPage(StaffUserSummary User, string? GeneratedPassword);

/// <summary>A user's page: the account as it is, the edit form, the lock and two-factor buttons; <paramref name="Done"/> confirms the last change.</summary>
public sealed record StaffUserPage(StaffUserSummary User, EditStaffUserInput Input, bool IsCurrentUser, string? Done, DateTimeOffset Now);
