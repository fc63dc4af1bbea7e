using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>
/// Failed sign-ins slow down the client address and the account they are made on, with delays that double, instead of
/// locking the account (which would let anyone who knows an e-mail keep its owner out). These tests move the portal's
/// clock, so they have a portal of their own; each browser has its own client address.
/// </summary>
public sealed class StaffSignInThrottleTests(StaffSignInThrottleTests.ThrottlePortal portal) : IClassFixture<StaffSignInThrottleTests.ThrottlePortal>
{
    /// <summary>A first delay of 10 s (1 s by default), so that a slow machine does not see a delay end before the test looks.</summary>
    public sealed class ThrottlePortal : StaffPortal
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Staff:SignInThrottle:FirstDelay"] = "00:00:10",
            ["Staff:SignInThrottle:FreeFailuresPerAccount"] = "5",
            ["Staff:SignInThrottle:MaxAccountDelay"] = "00:01:00",
            ["Staff:SignInThrottle:FreeFailuresPerAddress"] = "20",
        };
    }

    private const string WrongCredentials = "ایمیل یا گذرواژه درست نیست.";

    private static string? Location(HttpResponseMessage response) => StaffSignInTests.Location(response);

    private static string Summary(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-error-summary] li")!.Text();

    [Fact]
    public async Task A_strangers_five_wrong_passwords_do_not_keep_the_real_user_out_once_the_delay_is_over()
    {
        var user = await portal.CreateUserAsync("expert.target@tvto.example", StaffRoles.ProvincialExpert, "فارس");
        var stranger = portal.OpenBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await stranger.SignInAsync("expert.target@tvto.example", "a stranger's guess " + attempt);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(2)); // past the longest delay of one account
        var owner = portal.OpenBrowser();
        var (response, _) = await owner.SignInAsync("expert.target@tvto.example");
        var stored = (await portal.WithUsersAsync(users => users.FindByIdAsync(user.Id)))!;

        Assert.Equal("/admin", Location(response));
        Assert.NotNull(owner.Cookie("ci-staff"));
        Assert.Null(stored.LockoutEnd); // nothing a stranger does is written on the account
    }

    [Fact]
    public async Task After_five_failures_an_account_refuses_attempts_for_a_delay_that_doubles_from_any_address()
    {
        const string Email = "expert.slowed@tvto.example";
        await portal.CreateUserAsync(Email, StaffRoles.ProvincialExpert, "کرمان");
        var stranger = portal.OpenBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await stranger.SignInAsync(Email, "wrong password " + attempt);
        }

        var owner = portal.OpenBrowser();
        var (refusedResponse, refused) = await owner.SignInAsync(Email); // the right password, from another address, at once
        portal.Clock.Advance(TimeSpan.FromSeconds(11)); // past the first delay (10 s)
        var (_, sixth) = await stranger.SignInAsync(Email, "wrong password 6"); // counted: the next delay is 20 s
        portal.Clock.Advance(TimeSpan.FromSeconds(11));
        var (_, stillRefused) = await owner.SignInAsync(Email);
        portal.Clock.Advance(TimeSpan.FromSeconds(10));
        var (signedIn, _) = await owner.SignInAsync(Email);

        Assert.Equal(HttpStatusCode.OK, refusedResponse.StatusCode);
        Assert.Equal(WrongCredentials, Summary(refused));
        Assert.NotNull(refused.QuerySelector("[data-retry-after]"));
        Assert.True(refusedResponse.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(WrongCredentials, Summary(sixth));
        Assert.Null(sixth.QuerySelector("[data-retry-after]"));
        Assert.NotNull(stillRefused.QuerySelector("[data-retry-after]"));
        Assert.Equal("/admin", Location(signedIn));
    }

    [Fact]
    public async Task One_address_making_many_fast_attempts_is_refused_long_before_its_sixty_first()
    {
        const string Email = "expert.busy.address@tvto.example";
        await portal.CreateUserAsync(Email, StaffRoles.ProvincialExpert, "یزد");
        var bot = portal.OpenBrowser("203.0.113.61");

        var checkedAttempts = 0;
        for (var attempt = 1; attempt <= 60; attempt++)
        {
            // A different e-mail each time, so that only the address can be what holds it back.
            var (_, page) = await bot.SignInAsync($"guess{attempt}@tvto.example", "a guessed password");
            if (page.QuerySelector("[data-retry-after]") is null)
            {
                checkedAttempts++;
            }
        }

        var (sixtyFirst, page61) = await bot.SignInAsync(Email); // even the right password is not looked at
        var (otherAddress, _) = await portal.OpenBrowser("203.0.113.62").SignInAsync(Email);

        Assert.Equal(20, checkedAttempts); // then held back 10 s, then 20 s, …
        Assert.Equal(HttpStatusCode.OK, sixtyFirst.StatusCode);
        Assert.Equal(WrongCredentials, Summary(page61));
        Assert.NotNull(page61.QuerySelector("[data-retry-after]"));
        Assert.Null(bot.Cookie("ci-staff"));
        Assert.Equal("/admin", Location(otherAddress)); // the owner, elsewhere, is not held back
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_a_locked_account_and_a_held_back_account_get_the_same_answer()
    {
        await portal.CreateUserAsync("expert.same.wrong@tvto.example", StaffRoles.ProvincialExpert, "قم");
        await portal.CreateUserAsync("expert.same.locked@tvto.example", StaffRoles.ProvincialExpert, "قم");
        await portal.CreateUserAsync("expert.same.held@tvto.example", StaffRoles.ProvincialExpert, "قم");
        await portal.WithUsersAsync(async users =>
        {
            var locked = (await users.FindByEmailAsync("expert.same.locked@tvto.example"))!;
            locked.IsActive = false; // as the users page locks an account
            return await users.UpdateAsync(locked);
        });
        var stranger = portal.OpenBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await stranger.SignInAsync("expert.same.held@tvto.example", "wrong password " + attempt);
        }

        var (unknownResponse, unknown) = await portal.OpenBrowser().SignInAsync("nobody.same@tvto.example", "some password");
        var (wrongResponse, wrong) = await portal.OpenBrowser().SignInAsync("expert.same.wrong@tvto.example", "some password");
        var (lockedResponse, locked) = await portal.OpenBrowser().SignInAsync("expert.same.locked@tvto.example");
        var (heldResponse, held) = await portal.OpenBrowser().SignInAsync("expert.same.held@tvto.example");

        Assert.All([unknownResponse, wrongResponse, lockedResponse, heldResponse], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All([unknown, wrong, locked, held], page => Assert.Equal(WrongCredentials, Summary(page)));
        Assert.All([unknown, wrong, locked, held], page => Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal));
        var text = MainText(unknown, "nobody.same@tvto.example");
        Assert.Equal(text, MainText(wrong, "expert.same.wrong@tvto.example"));
        Assert.Equal(text, MainText(locked, "expert.same.locked@tvto.example"));
    }

    [Fact]
    public async Task Wrong_authenticator_codes_hold_the_account_back_without_locking_it()
    {
        const string Email = "manager.codes@tvto.example";
        var user = await portal.CreateUserAsync(Email, StaffRoles.ProvincialManager, "گیلان");
        await portal.EnableTwoFactorAsync(Email);
        var browser = portal.OpenBrowser();
        await browser.SignInAsync(Email);
        var pages = new List<AngleSharp.Dom.IDocument>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var (_, page) = await Forms.SubmitAsync(browser.Client, "/admin/two-factor?returnUrl=%2Fadmin", "/admin/two-factor",
                ("Code", "00000" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ReturnUrl", "/admin"));
            pages.Add(page);
        }

        var stored = (await portal.WithUsersAsync(users => users.FindByIdAsync(user.Id)))!;
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var signedIn = await portal.SignedInBrowserAsync(Email);

        Assert.All(pages.Take(5), page => Assert.Null(page.QuerySelector("[data-retry-after]")));
        Assert.NotNull(pages[5].QuerySelector("[data-retry-after]"));
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Client.GetAsync("/admin")).StatusCode);
    }

    private static string MainText(AngleSharp.Dom.IDocument page, string email) =>
        page.QuerySelector("main")!.Text().Replace(email, "", StringComparison.Ordinal);
}
