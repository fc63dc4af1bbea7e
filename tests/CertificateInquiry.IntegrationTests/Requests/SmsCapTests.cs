using CertificateInquiry.IntegrationTests.Notifications;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// The caps on one-time codes that protect a person's phone and the SMS budget, counted in the database: numbers per
/// draft and codes per number whatever the draft, also when the sends race.
/// </summary>
public sealed class SmsCapTests(PhoneVerificationPortal portal) : IClassFixture<PhoneVerificationPortal>
{
    private static int nextMobile;

    /// <summary>A number no other test uses (the message log and the send log are shared).</summary>
    private static string NewMobile() => "0913" + Interlocked.Increment(ref nextMobile).ToString("D7");

    private Task<InquiryRequest> NewRequestAsync(string mobile) =>
        portal.WithDatabaseAsync(db => TestRequests.CreateDraftAsync(db, mobile));

    private Task<SendCodeResult> SendAsync(InquiryRequest request) =>
        portal.WithServicesAsync(services => services.GetRequiredService<PhoneVerificationService>().SendCodeAsync(request, CancellationToken.None));

    private int SmsTo(string mobile) => portal.Messages.Messages().Count(m => m.Recipient == mobile);

    [Fact]
    public async Task One_draft_reaches_at_most_three_numbers()
    {
        var numbers = Enumerable.Range(0, 4).Select(_ => NewMobile()).ToList();
        var request = await NewRequestAsync(numbers[0]);

        var results = new List<SendCodeResult>();
        foreach (var number in numbers)
        {
            request.Mobile = number;
            results.Add(await SendAsync(request));
        }

        Assert.All(results.Take(3), r => Assert.IsType<SendCodeResult.Sent>(r));
        Assert.Equal(new SendCodeResult.TooManyNumbers(3), results[3]);
        Assert.Equal(0, SmsTo(numbers[3]));

        // Going back to a number already used still works: it is not a new number.
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        request.Mobile = numbers[0];
        Assert.IsType<SendCodeResult.Sent>(await SendAsync(request));
    }

    [Fact]
    public async Task One_number_gets_at_most_five_codes_an_hour_whatever_the_draft()
    {
        var mobile = NewMobile();
        var results = new List<SendCodeResult>();
        for (var i = 0; i < 7; i++)
        {
            results.Add(await SendAsync(await NewRequestAsync(mobile)));
            portal.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(results.Take(5), r => Assert.IsType<SendCodeResult.Sent>(r));
        var resting = Assert.IsType<SendCodeResult.NumberResting>(results[5]);
        Assert.Equal(TimeSpan.FromMinutes(55), resting.Wait); // the first of the five went 5 minutes before
        Assert.IsType<SendCodeResult.NumberResting>(results[6]);
        Assert.Equal(5, SmsTo(mobile));

        // An hour after the first code, the number has a place again (a sliding hour, not a clock hour).
        portal.Clock.Advance(TimeSpan.FromMinutes(53));
        Assert.IsType<SendCodeResult.Sent>(await SendAsync(await NewRequestAsync(mobile)));
        Assert.IsType<SendCodeResult.NumberResting>(await SendAsync(await NewRequestAsync(mobile)));
        Assert.Equal(6, SmsTo(mobile));
    }

    [Fact]
    public async Task Fifteen_drafts_sending_to_one_number_at_once_send_five_codes()
    {
        var mobile = NewMobile();
        var requests = new List<InquiryRequest>();
        for (var i = 0; i < 15; i++)
        {
            requests.Add(await NewRequestAsync(mobile));
        }

        var results = await Task.WhenAll(requests.Select(request => Task.Run(() => SendAsync(request))));

        Assert.Equal(5, results.Count(r => r is SendCodeResult.Sent));
        Assert.Equal(5, SmsTo(mobile));
        Assert.All(results.Where(r => r is not SendCodeResult.Sent), r => Assert.IsType<SendCodeResult.NumberResting>(r));
    }

    [Fact]
    public async Task One_draft_sending_to_ten_numbers_at_once_reaches_three()
    {
        var numbers = Enumerable.Range(0, 10).Select(_ => NewMobile()).ToList();
        var request = await NewRequestAsync(numbers[0]);

        var results = await Task.WhenAll(numbers.Select(number => Task.Run(() =>
        {
            var tab = new InquiryRequest { Id = request.Id, AccessKey = request.AccessKey, Mobile = number };
            return SendAsync(tab);
        })));

        Assert.Equal(3, results.Count(r => r is SendCodeResult.Sent));
        Assert.Equal(3, numbers.Count(number => SmsTo(number) > 0));
        Assert.Equal(3, await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == request.Id).Select(r => r.MobileNumbersUsed).SingleAsync()));
    }

    [Fact]
    public async Task A_send_the_provider_refused_gives_its_place_back()
    {
        var mobile = NewMobile();
        portal.Sms.Fail = true;
        try
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.IsType<SendCodeResult.NotSent>(await SendAsync(await NewRequestAsync(mobile)));
            }
        }
        finally
        {
            portal.Sms.Fail = false;
        }

        Assert.IsType<SendCodeResult.Sent>(await SendAsync(await NewRequestAsync(mobile)));
    }
}
