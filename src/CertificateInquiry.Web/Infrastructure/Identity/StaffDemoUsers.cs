using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Development only: the demo staff of a fresh clone, created when missing, with the password from
/// <c>Staff:DemoPassword</c>. No password ships for any other environment; the national admin still has to set up
/// an authenticator app at first sign-in, as everywhere.
/// </summary>
public sealed class StaffDemoUsers(
    StaffUserAccounts accounts, UserManager<StaffUser> users, IOptions<StaffOptions> options, ILogger<StaffDemoUsers> logger)
{
    public static readonly IReadOnlyList<NewStaffUser> Users =
    [
        new("admin@tvto.example", "", StaffRoles.NationalAdmin, "سارا نوری", "مدیر فناوری اطلاعات ستاد سازمان"),
        new("tehran.manager@tvto.example", "", StaffRoles.ProvincialManager, "محمد صادقی",
            "مدیر کل آموزش فنی و حرفه‌ای استان تهران", "تهران"),
        new("tehran.expert@tvto.example", "", StaffRoles.ProvincialExpert, "فاطمه رحیمی",
            "کارشناس سنجش و ارزشیابی مهارت", "تهران"),
        new("isfahan.manager@tvto.example", "", StaffRoles.ProvincialManager, "رضا اکبری",
            "مدیر کل آموزش فنی و حرفه‌ای استان اصفهان", "اصفهان"),
        new("isfahan.expert@tvto.example", "", StaffRoles.ProvincialExpert, "مریم جعفری",
            "کارشناس سنجش و ارزشیابی مهارت", "اصفهان"),
    ];

    public async Task SeedMissingAsync(CancellationToken cancellationToken)
    {
        var password = options.Value.DemoPassword;
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Staff:SeedDemoUsers is on but Staff:DemoPassword is empty: no demo staff users created");
            return;
        }

        foreach (var demo in Users)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var result = await accounts.CreateAsync(demo with { Password = password }, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    "Demo staff user could not be created: " + string.Join("; ", result.Errors.Select(e => e.English)));
            }
        }
    }
}
