using System.Globalization;
using System.Net;
using CertificateInquiry.UnitTests.Captcha;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Staff;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress Address = IPAddress.Parse("198.51.100.7");

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle() => new(clock, Options.Create(new StaffOptions
    {
        SignInThrottle = new SignInThrottleOptions
        {
            FreeFailuresPerAccount = 3, MaxAccountDelay = TimeSpan.FromSeconds(5), FreeFailuresPerAddress = 100,
            FirstDelay = TimeSpan.FromSeconds(1), ForgetAfter = TimeSpan.FromHours(1),
        },
    }));

    [Fact]
    public void After_the_free_failures_each_failure_doubles_the_wait_up_to_the_cap()
    {
        var throttle = Throttle();
        Assert.False(throttle.TryStart(Address, "A@TVTO.EXAMPLE").IsHeldBack);
        Assert.False(throttle.TryStart(Address, "A@TVTO.EXAMPLE").IsHeldBack);
        var waits = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            Assert.False(throttle.TryStart(Address, "A@TVTO.EXAMPLE").IsHeldBack); // checked, and counted as a failure
            var refused = throttle.TryStart(Address, "A@TVTO.EXAMPLE");
            Assert.True(refused.IsHeldBack);
            waits.Add(refused.RetryAfter.TotalSeconds);
            clock.Advance(refused.RetryAfter);
        }

        Assert.Equal([1, 2, 4, 5, 5], waits);
    }

    [Fact]
    public void A_held_back_attempt_is_not_counted_and_a_success_starts_the_account_afresh()
    {
        var throttle = Throttle();
        for (var i = 0; i < 3; i++)
        {
            throttle.TryStart(Address, "B@TVTO.EXAMPLE");
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.True(throttle.TryStart(Address, "B@TVTO.EXAMPLE").IsHeldBack); // hammering does not lengthen the wait
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Succeeded(throttle.TryStart(Address, "B@TVTO.EXAMPLE"));

        Assert.False(throttle.TryStart(Address, "B@TVTO.EXAMPLE").IsHeldBack);
        Assert.False(throttle.TryStart(Address, "B@TVTO.EXAMPLE").IsHeldBack);
    }

    [Fact]
    public void Given_back_an_attempt_leaves_the_account_as_it_was()
    {
        var throttle = Throttle();
        throttle.TryStart(Address, "C@TVTO.EXAMPLE");
        throttle.TryStart(Address, "C@TVTO.EXAMPLE");

        throttle.GiveBack(throttle.TryStart(Address, "C@TVTO.EXAMPLE")); // the right password; the code comes next

        Assert.False(throttle.TryStart(Address, "C@TVTO.EXAMPLE").IsHeldBack); // the third failure
        Assert.True(throttle.TryStart(Address, "C@TVTO.EXAMPLE").IsHeldBack);
    }

    [Fact]
    public void A_burst_of_parallel_guesses_past_the_free_failures_gets_one_guess_through()
    {
        // Checked and counted in two steps, about one round in six let two guesses through (two cores, 3,000 rounds).
        const int Rounds = 3000, Guessers = 20;
        var throttles = Enumerable.Range(0, Rounds).Select(_ => Throttle()).ToArray();
        foreach (var throttle in throttles)
        {
            throttle.TryStart(Address, "E@TVTO.EXAMPLE");
            throttle.TryStart(Address, "E@TVTO.EXAMPLE");
        }

        var through = new int[Rounds];
        using var together = new Barrier(Guessers);
        var guessers = Enumerable.Range(0, Guessers).Select(i => new Thread(() =>
        {
            var from = IPAddress.Parse("203.0.113." + (i + 1).ToString(CultureInfo.InvariantCulture));
            for (var round = 0; round < Rounds; round++)
            {
                together.SignalAndWait(TimeSpan.FromSeconds(30));
                if (!throttles[round].TryStart(from, "E@TVTO.EXAMPLE").IsHeldBack)
                {
                    Interlocked.Increment(ref through[round]);
                }
            }
        })).ToList();
        guessers.ForEach(guesser => guesser.Start());
        guessers.ForEach(guesser => guesser.Join());

        Assert.All(through, guesses => Assert.Equal(1, guesses));
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff::9")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    public void Addresses_of_one_ipv6_64_or_one_mapped_ipv4_share_a_count(string one, string other)
    {
        Assert.Equal(SignInThrottle.AddressKey(IPAddress.Parse(one)), SignInThrottle.AddressKey(IPAddress.Parse(other)));
    }
}
