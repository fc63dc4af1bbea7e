using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Captcha;

public sealed class InquiryAttemptCounterTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private InquiryAttemptCounter Counter() =>
        new(Options.Create(new CaptchaOptions { Window = TimeSpan.FromMinutes(30) }), new LocalWindowCounters(clock));

    [Fact]
    public void Counts_attempts_per_client_and_returns_the_count_before_each()
    {
        var counter = Counter();

        Assert.Equal(0, counter.Add("a"));
        Assert.Equal(1, counter.Add("a"));
        Assert.Equal(0, counter.Add("b"));
        Assert.Equal(2, counter.Count("a"));
        Assert.Equal(1, counter.Count("b"));
        Assert.Equal(0, counter.Count("c"));
    }

    [Fact]
    public void Looking_at_the_count_does_not_change_it()
    {
        var counter = Counter();
        counter.Add("a");

        Assert.Equal(1, counter.Count("a"));
        Assert.Equal(1, counter.Count("a"));
    }

    [Fact]
    public void The_window_starts_with_the_first_attempt_and_then_starts_again()
    {
        var counter = Counter();
        counter.Add("a");
        clock.Advance(TimeSpan.FromMinutes(20));
        counter.Add("a");
        clock.Advance(TimeSpan.FromMinutes(9));

        Assert.Equal(2, counter.Count("a"));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, counter.Count("a"));
        Assert.Equal(0, counter.Add("a"));
        Assert.Equal(1, counter.Count("a"));
    }

    [Fact]
    public async Task Concurrent_attempts_are_all_counted()
    {
        var counter = Counter();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                counter.Add("a");
            }
        })));

        Assert.Equal(8000, counter.Count("a"));
    }

    [Fact]
    public void When_the_table_is_full_a_new_client_counts_as_past_the_threshold_and_known_ones_go_on()
    {
        var counter = Counter();
        for (var i = 0; i < InquiryAttemptCounter.MaxClients; i++)
        {
            counter.Add("client-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(int.MaxValue, counter.Count("newcomer"));
        Assert.Equal(int.MaxValue, counter.Add("newcomer"));
        Assert.Equal(1, counter.Add("client-7"));

        // Once their windows are over, the stale clients are swept out and newcomers are counted again.
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(0, counter.Add("newcomer"));
        Assert.Equal(1, counter.Count("newcomer"));
    }
}
