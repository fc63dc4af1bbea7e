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
    public async Task Counts_attempts_per_client_and_returns_the_count_before_each()
    {
        var counter = Counter();

        Assert.Equal(0, await counter.AddAsync("a"));
        Assert.Equal(1, await counter.AddAsync("a"));
        Assert.Equal(0, await counter.AddAsync("b"));
        Assert.Equal(2, await counter.CountAsync("a"));
        Assert.Equal(1, await counter.CountAsync("b"));
        Assert.Equal(0, await counter.CountAsync("c"));
    }

    [Fact]
    public async Task Looking_at_the_count_does_not_change_it()
    {
        var counter = Counter();
        await counter.AddAsync("a");

        Assert.Equal(1, await counter.CountAsync("a"));
        Assert.Equal(1, await counter.CountAsync("a"));
    }

    [Fact]
    public async Task The_window_starts_with_the_first_attempt_and_then_starts_again()
    {
        var counter = Counter();
        await counter.AddAsync("a");
        clock.Advance(TimeSpan.FromMinutes(20));
        await counter.AddAsync("a");
        clock.Advance(TimeSpan.FromMinutes(9));

        Assert.Equal(2, await counter.CountAsync("a"));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await counter.CountAsync("a"));
        Assert.Equal(0, await counter.AddAsync("a"));
        Assert.Equal(1, await counter.CountAsync("a"));
    }

    [Fact]
    public async Task Concurrent_attempts_are_all_counted()
    {
        var counter = Counter();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await counter.AddAsync("a");
            }
        })));

        Assert.Equal(8000, await counter.CountAsync("a"));
    }

    [Fact]
    public async Task When_the_table_is_full_a_new_client_counts_as_past_the_threshold_and_known_ones_go_on()
    {
        var counter = Counter();
        for (var i = 0; i < InquiryAttemptCounter.MaxClients; i++)
        {
            await counter.AddAsync("client-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(int.MaxValue, await counter.CountAsync("newcomer"));
        Assert.Equal(int.MaxValue, await counter.AddAsync("newcomer"));
        Assert.Equal(1, await counter.AddAsync("client-7"));

        // Once their windows are over, the stale clients are swept out and newcomers are counted again.
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(0, await counter.AddAsync("newcomer"));
        Assert.Equal(1, await counter.CountAsync("newcomer"));
    }
}
