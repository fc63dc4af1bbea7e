using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>The demo staff of a fresh clone in Development (appsettings.Development.json), and none in Production.</summary>
public sealed class DemoStaffUsersTests
{
    [Fact]
    public async Task Development_seeds_a_national_admin_and_a_manager_and_an_expert_for_tehran_and_isfahan()
    {
        using var portal = new EnvironmentPortal("Development");
        var users = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().Select(u => new { u.Email, u.ProvinceId }).ToListAsync());
        var browser = portal.OpenBrowser();

        var (expertSignIn, _) = await browser.SignInAsync("tehran.expert@tvto.example", "demo-staff-password");
        var (adminSignIn, _) = await portal.OpenBrowser().SignInAsync("admin@tvto.example", "demo-staff-password");

        Assert.Equal(5, users.Count);
        Assert.Single(users, u => u.ProvinceId is null);
        Assert.Equal(2, users.Count(u => u.ProvinceId == 8)); // تهران
        Assert.Equal(2, users.Count(u => u.ProvinceId == 4)); // اصفهان
        Assert.Equal("/admin", StaffSignInTests.Location(expertSignIn));
        Assert.Equal("/admin/account/two-factor-setup", StaffSignInTests.Location(adminSignIn));
    }

    [Fact]
    public async Task Production_seeds_no_staff_user_whatever_the_settings_say()
    {
        using var portal = new EnvironmentPortal("Production", ("Staff:SeedDemoUsers", "true"), ("Staff:DemoPassword", "a demo password"));

        var (response, _) = await portal.OpenBrowser().SignInAsync("admin@tvto.example", "a demo password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with its error
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    private sealed class EnvironmentPortal(string environment, params (string Key, string Value)[] settings) : StaffPortal
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            settings.ToDictionary(s => s.Key, s => (string?)s.Value);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            foreach (var (key, value) in ProductionTestKeys.Settings(Folder))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
