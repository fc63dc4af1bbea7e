using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Notifications;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>The portal with a clock the tests move, and an SMS sender that can be made to fail.</summary>
public sealed class PhoneVerificationPortal : PortalFactory
{
    public ManualClock Clock { get; } = new();

    public SwitchableSmsSender Sms { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Notifications:DispatcherEnabled"] = "false",
        ["Verification:CodeKey"] = "test-key-for-codes",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ISmsSender>(provider =>
            {
                Sms.Inner = ActivatorUtilities.CreateInstance<DevelopmentSmsSender>(provider);
                return Sms;
            });
        });
    }
}

/// <summary>The development sender, or a provider failure while <see cref="Fail"/> is set.</summary>
public sealed class SwitchableSmsSender : ISmsSender
{
    public ISmsSender Inner { get; set; } = null!;

    public bool Fail { get; set; }

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        Fail ? Task.FromException(new NotificationDeliveryException("Provider unavailable (test)")) : Inner.SendAsync(message, cancellationToken);
}

public sealed class PhoneVerificationTests(PhoneVerificationPortal portal) : IClassFixture<PhoneVerificationPortal>
{
    private static int nextMobile;

    /// <summary>A number no other test in the class uses (the message log is shared).</summary>
    private static string NewMobile() => "0912" + Interlocked.Increment(ref nextMobile).ToString("D7");

    private Task<T> InScopeAsync<T>(Func<PhoneVerificationService, AppDbContext, Task<T>> action) =>
        portal.WithServicesAsync(services => action(services.GetRequiredService<PhoneVerificationService>(), services.GetRequiredService<AppDbContext>()));

    private Task<InquiryRequest> NewRequestAsync(string mobile) =>
        portal.WithDatabaseAsync(db => TestRequests.CreateDraftAsync(db, mobile));

    private Task<SendCodeResult> SendAsync(InquiryRequest request) =>
        InScopeAsync((service, _) => service.SendCodeAsync(request, CancellationToken.None));

    private Task<ConfirmCodeResult> ConfirmAsync(InquiryRequest request, string code) =>
        InScopeAsync((service, _) => service.ConfirmAsync(request, code, CancellationToken.None));

    private Task<PhoneVerification> StoredAsync(InquiryRequest request) =>
        portal.WithDatabaseAsync(db => db.PhoneVerifications.AsNoTracking().SingleAsync(v => v.RequestId == request.Id && v.Mobile == request.Mobile));

    private static string AnotherCode(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");

    [Fact]
    public async Task Sends_a_six_digit_code_in_Persian_and_stores_only_its_hash()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);

        var result = await SendAsync(request);

        var sent = Assert.IsType<SendCodeResult.Sent>(result);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(2), sent.ExpiresAtUtc);
        Assert.Equal(2, sent.SendsLeft);
        var code = portal.LastCodeSentTo(mobile);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(PhoneVerificationService.MessageText(code), portal.Messages.LastSmsTo(mobile)!.Text);
        Assert.StartsWith("کد تأیید استعلام گواهینامه: ", portal.Messages.LastSmsTo(mobile)!.Text, StringComparison.Ordinal);

        var stored = await StoredAsync(request);
        Assert.Matches("^[0-9a-f]{64}$", stored.CodeHash);
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
        Assert.Equal(1, stored.SendCount);
        Assert.Empty(await portal.WithDatabaseAsync(db => db.Outbox.ToListAsync())); // never through the outbox
    }

    [Fact]
    public async Task A_code_typed_in_Persian_digits_confirms_the_mobile()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        await SendAsync(request);
        var typed = " " + PersianDigits(portal.LastCodeSentTo(mobile)) + " ";

        var confirmedAt = await InScopeAsync(async (service, db) =>
        {
            var tracked = await db.Requests.SingleAsync(r => r.Id == request.Id);
            Assert.IsType<ConfirmCodeResult.Confirmed>(await service.ConfirmAsync(tracked, typed, CancellationToken.None));
            await db.SaveChangesAsync(); // the caller saves the request
            return tracked.MobileConfirmedAtUtc;
        });

        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, confirmedAt);
        Assert.Equal(confirmedAt, await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == request.Id).Select(r => r.MobileConfirmedAtUtc).SingleAsync()));
        Assert.Equal(0, (await StoredAsync(request)).FailedAttempts);
    }

    [Fact]
    public async Task Arabic_digits_are_accepted_too()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        await SendAsync(request);
        var arabic = string.Concat(portal.LastCodeSentTo(mobile).Select(c => (char)('٠' + (c - '0'))));

        Assert.IsType<ConfirmCodeResult.Confirmed>(await ConfirmAsync(request, arabic));
    }

    [Fact]
    public async Task Wrong_codes_count_down_then_no_code_works_until_a_new_one_is_sent()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        await SendAsync(request);
        var code = portal.LastCodeSentTo(mobile);
        var wrong = AnotherCode(code);

        Assert.Equal(new ConfirmCodeResult.Wrong(4), await ConfirmAsync(request, wrong));
        Assert.Equal(new ConfirmCodeResult.Wrong(3), await ConfirmAsync(request, wrong));
        Assert.Equal(new ConfirmCodeResult.Wrong(3), await ConfirmAsync(request, "12345")); // cannot be a code: not counted
        Assert.Equal(new ConfirmCodeResult.Wrong(2), await ConfirmAsync(request, wrong));
        Assert.Equal(new ConfirmCodeResult.Wrong(1), await ConfirmAsync(request, wrong));
        Assert.IsType<ConfirmCodeResult.TooManyAttempts>(await ConfirmAsync(request, wrong));
        Assert.IsType<ConfirmCodeResult.TooManyAttempts>(await ConfirmAsync(request, code)); // even the right one now

        portal.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.IsType<SendCodeResult.Sent>(await SendAsync(request));
        Assert.IsType<ConfirmCodeResult.Confirmed>(await ConfirmAsync(request, portal.LastCodeSentTo(mobile)));
    }

    [Fact]
    public async Task Guesses_sent_at_once_are_all_counted()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        await SendAsync(request);
        var wrong = AnotherCode(portal.LastCodeSentTo(mobile));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => ConfirmAsync(request, wrong))));

        Assert.True(results.Count(r => r is ConfirmCodeResult.Wrong) <= 4, string.Join(", ", results.Select(r => r.ToString())));
        Assert.Equal(5, (await StoredAsync(request)).FailedAttempts);
    }

    [Fact]
    public async Task A_code_expires_after_its_lifetime()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        await SendAsync(request);
        var code = portal.LastCodeSentTo(mobile);

        portal.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.IsType<ConfirmCodeResult.Expired>(await ConfirmAsync(request, code));
    }

    [Fact]
    public async Task Another_code_only_after_the_resend_wait_and_at_most_three()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        Assert.IsType<SendCodeResult.Sent>(await SendAsync(request));
        var first = portal.LastCodeSentTo(mobile);

        portal.Clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(new SendCodeResult.TooSoon(TimeSpan.FromSeconds(15)), await SendAsync(request));

        portal.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, Assert.IsType<SendCodeResult.Sent>(await SendAsync(request)).SendsLeft);
        var second = portal.LastCodeSentTo(mobile);
        if (second != first)
        {
            Assert.IsType<ConfirmCodeResult.Wrong>(await ConfirmAsync(request, first)); // the old code no longer works
        }

        portal.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, Assert.IsType<SendCodeResult.Sent>(await SendAsync(request)).SendsLeft);

        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.IsType<SendCodeResult.TooManySends>(await SendAsync(request));
        Assert.Equal(3, portal.Messages.Messages().Count(m => m.Recipient == mobile));
    }

    [Fact]
    public async Task A_changed_mobile_needs_its_own_code()
    {
        var first = NewMobile();
        var second = NewMobile();
        var request = await NewRequestAsync(first);
        await SendAsync(request);
        var codeForFirst = portal.LastCodeSentTo(first);

        request.Mobile = second;
        request.MobileConfirmedAtUtc = null;
        Assert.IsType<ConfirmCodeResult.Expired>(await ConfirmAsync(request, codeForFirst));

        // The new number has its own limits: no wait after the code to the old one.
        Assert.Equal(2, Assert.IsType<SendCodeResult.Sent>(await SendAsync(request)).SendsLeft);
        Assert.IsType<ConfirmCodeResult.Confirmed>(await ConfirmAsync(request, portal.LastCodeSentTo(second)));
        Assert.NotNull(request.MobileConfirmedAtUtc);
    }

    [Fact]
    public async Task A_provider_failure_is_reported_and_not_counted()
    {
        var mobile = NewMobile();
        var request = await NewRequestAsync(mobile);
        portal.Sms.Fail = true;
        SendCodeResult result;
        try
        {
            result = await SendAsync(request);
        }
        finally
        {
            portal.Sms.Fail = false;
        }

        Assert.IsType<SendCodeResult.NotSent>(result);
        Assert.Equal(0, (await StoredAsync(request)).SendCount);
        Assert.Null(portal.Messages.LastSmsTo(mobile));

        portal.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(2, Assert.IsType<SendCodeResult.Sent>(await SendAsync(request)).SendsLeft);
    }

    [Fact]
    public async Task Without_a_code_sent_nothing_is_confirmed()
    {
        var request = await NewRequestAsync(NewMobile());

        Assert.IsType<ConfirmCodeResult.Expired>(await ConfirmAsync(request, "123456"));
        Assert.Null(request.MobileConfirmedAtUtc);
    }

    private static string PersianDigits(string code) => string.Concat(code.Select(c => (char)('۰' + (c - '0'))));
}
