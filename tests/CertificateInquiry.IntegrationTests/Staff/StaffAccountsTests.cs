using CertificateInquiry.Web.Commands;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>Creating accounts: the password policy, roles and provinces, as the create-user command does it.</summary>
public sealed class StaffAccountsTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        if (!CreateUserCommand.TryParse(arguments, new StringReader(""), out var user, out var usage))
        {
            return (2, "", usage);
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var exit = await CreateUserCommand.RunAsync(
            scope.ServiceProvider.GetRequiredService<StaffUserAccounts>(), user, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Nine_characters_are_refused_in_persian_and_ten_lowercase_letters_are_enough()
    {
        var nine = await RunCommandAsync("--email", "nine@tvto.example", "--password", "abcdefghi", "--role", "NationalAdmin");
        var ten = await RunCommandAsync("--email", "ten@tvto.example", "--password", "abcdefghij", "--role", "NationalAdmin");

        Assert.Equal(1, nine.ExitCode);
        Assert.Contains("گذرواژه باید دست‌کم ۱۰ نویسه باشد. | the password must be at least 10 characters long.", nine.Errors, StringComparison.Ordinal);
        Assert.Equal(0, ten.ExitCode);
        Assert.Contains("User ten@tvto.example created with role NationalAdmin", ten.Output, StringComparison.Ordinal);
        Assert.Null(await portal.WithUsersAsync(users => users.FindByEmailAsync("nine@tvto.example")));
    }

    [Fact]
    public async Task A_provincial_user_gets_the_province_named_in_persian_with_arabic_letters_tolerated()
    {
        var result = await RunCommandAsync(
            "--email", "kerman.manager@tvto.example", "--password", "a long enough passphrase", "--role", "provincialmanager",
            "--province", "استان كرمان", "--name", "علي كريمي", "--title", "مدیر کل");

        var user = await portal.WithUsersAsync(async users =>
        {
            var found = (await users.FindByEmailAsync("kerman.manager@tvto.example"))!;
            return new { found.ProvinceId, found.FullName, found.MustChangePassword, Roles = await users.GetRolesAsync(found) };
        });
        var kerman = await portal.WithDatabaseAsync(db => db.Provinces.SingleAsync(p => p.Name == "کرمان"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(kerman.Id, user.ProvinceId);
        Assert.Equal("علی کریمی", user.FullName);
        Assert.True(user.MustChangePassword); // the operator typed it: its owner chooses their own at first sign-in
        Assert.Equal([StaffRoles.ProvincialManager], user.Roles);
    }

    [Theory]
    [InlineData("--email", "a@tvto.example", "--password", "long enough password", "--role", "ProvincialExpert")]
    [InlineData("--email", "a@tvto.example", "--password", "long enough password", "--role", "NationalAdmin", "--province", "تهران")]
    [InlineData("--email", "a@tvto.example", "--password", "long enough password", "--role", "Auditor")]
    [InlineData("--email", "a@tvto.example", "--role", "NationalAdmin")]
    [InlineData("--email", "a@tvto.example", "--password", "long enough password", "--role", "NationalAdmin", "--colour", "blue")]
    [InlineData("--email", "a@tvto.example", "--password")]
    public async Task Usage_errors_exit_with_2_and_say_what_is_wrong(params string[] arguments)
    {
        var result = await RunCommandAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(" | ", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_is_required_for_provincial_roles()
    {
        var result = await RunCommandAsync("--email", "a@tvto.example", "--password", "long enough password", "--role", "ProvincialExpert");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--province is required", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_province_or_a_taken_email_exits_with_1()
    {
        await portal.CreateUserAsync("taken@tvto.example", StaffRoles.NationalAdmin);

        var unknown = await RunCommandAsync("--email", "b@tvto.example", "--password", "long enough password", "--role", "ProvincialExpert", "--province", "آتلانتیس");
        var taken = await RunCommandAsync("--email", "TAKEN@tvto.example", "--password", "long enough password", "--role", "NationalAdmin");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("استان شناخته نشد", unknown.Errors, StringComparison.Ordinal);
        Assert.Contains("unknown province", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("کاربری با این ایمیل پیش‌تر ثبت شده است. | a user with this e-mail address already exists.", taken.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_roles_exist_in_a_new_database_and_identity_lookups_have_their_indexes()
    {
        var roles = await portal.WithDatabaseAsync(db => db.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync());
        var indexes = await portal.WithDatabaseAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'Staff%'")
            .ToListAsync());

        Assert.Equal(["AgencyAdministrator", "AgencyOfficer", "NationalAdmin", "ProvincialExpert", "ProvincialManager"], roles);
        Assert.Superset(
            new HashSet<string> { "EmailIndex", "UserNameIndex", "RoleNameIndex", "IX_StaffUserRoles_RoleId", "IX_StaffUserClaims_UserId", "IX_StaffUserLogins_UserId", "IX_StaffRoleClaims_RoleId", "IX_StaffUsers_AgencyClientId" },
            indexes.ToHashSet());
    }
}
