using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Features.AgencyPortal.Users;

/// <summary>The agency's users; <paramref name="CurrentUserId"/> marks the administrator's own row.</summary>
public sealed record AgencyUsersPage(IReadOnlyList<AgencyUserSummary> Users, string CurrentUserId, string? Done);

/// <summary>A user's page: the account, the form for name and role, the buttons; <paramref name="Done"/> confirms the last change.</summary>
public sealed record AgencyUserPage(AgencyUserSummary User, AgencyUserInput Input, bool IsCurrentUser, string? Done);

/// <summary>A new account or a reset password: the one-time password, shown this once.</summary>
public sealed record AgencyUserPasswordPage(AgencyUserSummary User, string OneTimePassword, bool IsNew);

/// <summary>The role choices of the forms, in Persian.</summary>
public static class AgencyUserPages
{
    public static IReadOnlyList<(string Value, string Text)> RoleOptions { get; } =
        [.. AgencyRoles.All.Reverse().Select(role => (role, AgencyRoles.PersianTitle(role)))];
}

/// <summary>The confirmations shown after a change, named in the address the change redirects to.</summary>
public static class AgencyUserDone
{
    public const string Saved = "saved";
    public const string Deactivated = "deactivated";
    public const string Reactivated = "reactivated";
    public const string TwoFactorReset = "two-factor-reset";

    public static string? Message(string? done) => done switch
    {
        Saved => "تغییرها ذخیره شد.",
        Deactivated => "حساب غیرفعال شد. این کاربر دیگر نمی‌تواند وارد شود و اگر هم‌اکنون وارد است، از درگاه خارج شد.",
        Reactivated => "حساب دوباره فعال شد. این کاربر اکنون می‌تواند با گذرواژه خود وارد شود.",
        TwoFactorReset => "ورود دومرحله‌ای این حساب بازنشانی شد. کدهای برنامه قبلی دیگر پذیرفته نمی‌شود؛ کاربر در ورود بعدی آن را دوباره راه‌اندازی می‌کند.",
        _ => null,
    };
}
