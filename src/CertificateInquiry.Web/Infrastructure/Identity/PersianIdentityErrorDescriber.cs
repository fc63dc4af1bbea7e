using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>Identity's error messages in Persian (the codes stay Identity's, so code can still tell them apart).</summary>
public sealed class PersianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "خطایی ناشناخته رخ داد.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "این حساب هم‌زمان جای دیگری تغییر کرده است. صفحه را دوباره باز کنید و دوباره تلاش کنید.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "گذرواژه درست نیست.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "کد یا پیوند معتبر نیست یا زمان آن گذشته است.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "کد بازیابی درست نیست یا پیش‌تر به کار رفته است.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "این ورود پیش‌تر به حساب دیگری وصل شده است.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), "نام کاربری فقط می‌تواند حروف لاتین، رقم و نویسه‌های - . _ @ + داشته باشد.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "نشانی ایمیل معتبر نیست.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), "کاربری با این نام کاربری پیش‌تر ثبت شده است.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), "کاربری با این ایمیل پیش‌تر ثبت شده است.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "نام نقش معتبر نیست.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "این نقش پیش‌تر تعریف شده است.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "این کاربر پیش‌تر گذرواژه دارد.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "قفل شدن برای این کاربر فعال نیست.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "کاربر پیش‌تر این نقش را دارد.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "کاربر این نقش را ندارد.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"گذرواژه باید دست‌کم {PersianText.ToPersianDigits(length)} نویسه باشد.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"گذرواژه باید دست‌کم {PersianText.ToPersianDigits(uniqueChars)} نویسه متفاوت داشته باشد.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "گذرواژه باید دست‌کم یک نویسه غیر از حرف و رقم داشته باشد.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "گذرواژه باید دست‌کم یک رقم داشته باشد.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "گذرواژه باید دست‌کم یک حرف کوچک لاتین داشته باشد.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "گذرواژه باید دست‌کم یک حرف بزرگ لاتین داشته باشد.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
