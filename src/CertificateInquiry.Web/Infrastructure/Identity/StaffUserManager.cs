using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Identity's user manager without its lockout: failed sign-ins never lock an account (a stranger who knows an e-mail
/// could otherwise keep its owner out); <see cref="SignInThrottle"/> slows guessing down instead, and an account is
/// shut only by an admin (<see cref="StaffUser.IsActive"/>). With lockout unsupported, the sign-in manager neither
/// counts failed passwords or codes nor asks whether an account is locked out.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}
