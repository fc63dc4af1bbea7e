using System.Net;

namespace CertificateInquiry.ClusterTests;

/// <summary>
/// A staff session made on one server works on the others: the cookie and the forms' antiforgery tokens are protected
/// with keys kept in the shared database. Failed sign-ins are counted once for the cluster, in Redis.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StaffSessionTests(Cluster cluster)
{
    private const string OneTimePassword = "one-time pass 4711";
    private const string NewPassword = "cluster expert passphrase";

    [SkippableFact]
    public async Task A_sign_in_on_one_server_and_a_password_changed_on_another_give_a_session_every_server_honours()
    {
        cluster.SkipUnlessRunning();
        var email = $"cluster.expert.{Guid.NewGuid():N}@tvto.example";
        var created = await cluster.CommandAsync("create-user", "--email", email, "--password", OneTimePassword,
            "--role", "ProvincialExpert", "--province", "تهران", "--name", "کارشناس خوشه");
        Assert.True(created.ExitCode == 0, created.Errors);

        var cookies = new CookieContainer();
        using var one = cluster.OnServer(1, "192.0.2.41", cookies);
        using var two = cluster.OnServer(2, "192.0.2.41", cookies);
        using var three = cluster.OnServer(3, "192.0.2.41", cookies);

        using var signedIn = await Pages.PostFormAsync(one, "/admin/sign-in", "/admin/sign-in", ("Email", email), ("Password", OneTimePassword));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Server 2 sends the new user to change the one-time password, and takes the change with its own form's token.
        using var home = await two.GetAsync("/admin");
        Assert.Equal("/admin/account/password", new Uri(new Uri("http://localhost"), home.Headers.Location!).AbsolutePath);
        using var changed = await Pages.PostFormAsync(two, "/admin/account/password", "/admin/account/password",
            ("CurrentPassword", OneTimePassword), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Every server now shows the back office to this session.
        foreach (var server in new[] { three, one, two })
        {
            using var page = await server.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("کارشناس خوشه", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Signed out on server 3, the cookie is gone: no server lets the browser in any more.
        var token = (await Pages.GetAsync(three, "/admin")).QuerySelector("form[action='/admin/sign-out'] input[name='__RequestVerificationToken']")?.GetAttribute("value");
        using var signedOut = await Pages.PostAsync(three, "/admin/sign-out", token);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var afterwards = await one.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/admin/sign-in", new Uri(new Uri("http://localhost"), afterwards.Headers.Location!).AbsolutePath);
    }

    [SkippableFact]
    public async Task A_password_guesser_spreading_guesses_over_the_three_servers_is_held_back_by_every_one()
    {
        cluster.SkipUnlessRunning();
        var email = $"cluster.guessed.{Guid.NewGuid():N}@tvto.example"; // counted whether or not an account has it

        for (var guess = 0; guess < Cluster.FreeSignInFailures; guess++)
        {
            using var server = cluster.OnServer(guess % Cluster.Servers + 1, "192.0.2.51", new CookieContainer());
            using var refused = await Pages.PostFormAsync(server, "/admin/sign-in", "/admin/sign-in", ("Email", email), ("Password", "guess " + guess));
            Assert.Null((await Pages.ReadAsync(refused)).QuerySelector("[data-retry-after]")); // checked: wrong credentials
        }

        for (var n = 1; n <= Cluster.Servers; n++)
        {
            using var server = cluster.OnServer(n, "192.0.2.52", new CookieContainer()); // and from another address
            using var held = await Pages.PostFormAsync(server, "/admin/sign-in", "/admin/sign-in", ("Email", email), ("Password", "one guess more"));
            Assert.NotNull((await Pages.ReadAsync(held)).QuerySelector("[data-retry-after]"));
            Assert.True(held.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"server {n} gave no Retry-After");
        }
    }
}
