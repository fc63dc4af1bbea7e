using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Requests;

public class RequestServiceLevelsTests
{
    private static readonly DateOnly Today = JalaliDate.Create(1404, 9, 3);

    [Theory]
    [InlineData(RequestStatus.Submitted, "1404/09/05")]
    [InlineData(RequestStatus.UnderReview, "1404/09/13")]
    [InlineData(RequestStatus.NeedsMoreDocuments, "1404/09/17")]
    public void The_default_targets_count_calendar_days_from_today(RequestStatus status, string due) =>
        Assert.Equal(due, JalaliDate.Format(new RequestServiceLevels().DueOn(status, Today)!.Value));

    [Fact]
    public void A_visit_is_due_on_the_visit_date_itself()
    {
        var visit = JalaliDate.Create(1404, 9, 20).ToDateTime(new TimeOnly(9, 30));

        Assert.Equal(JalaliDate.Create(1404, 9, 20), new RequestServiceLevels().DueOn(RequestStatus.AwaitingVisit, Today, visit));
    }

    [Fact]
    public void A_visit_without_a_date_has_no_due_date() =>
        Assert.Null(new RequestServiceLevels().DueOn(RequestStatus.AwaitingVisit, Today));

    [Theory]
    [InlineData(RequestStatus.Draft)]
    [InlineData(RequestStatus.Answered)]
    public void Nothing_is_due_for_a_draft_or_an_answered_request(RequestStatus status) =>
        Assert.Null(new RequestServiceLevels().DueOn(status, Today, DateTime.UtcNow));

    [Fact]
    public void Days_run_on_across_the_jalali_new_year()
    {
        // 1403 is a leap year: Esfand has 30 days.
        var today = JalaliDate.Create(1403, 12, 25);

        Assert.Equal("1404/01/09", JalaliDate.Format(new RequestServiceLevels().DueOn(RequestStatus.NeedsMoreDocuments, today)!.Value));
    }

    [Fact]
    public void The_targets_come_from_the_Requests_ServiceLevelDays_settings()
    {
        var levels = Bind(new Dictionary<string, string?>
        {
            ["Requests:ServiceLevelDays:Submitted"] = "1",
            ["Requests:ServiceLevelDays:UnderReview"] = "20",
            ["Requests:ServiceLevelDays:NeedsMoreDocuments"] = "7",
            ["Requests:ServiceLevelDays:AwaitingVisit"] = "2",
        });
        var visit = Today.AddDays(10).ToDateTime(new TimeOnly(10, 0));

        Assert.Equal(Today.AddDays(1), levels.DueOn(RequestStatus.Submitted, Today));
        Assert.Equal(Today.AddDays(20), levels.DueOn(RequestStatus.UnderReview, Today));
        Assert.Equal(Today.AddDays(7), levels.DueOn(RequestStatus.NeedsMoreDocuments, Today));
        Assert.Equal(Today.AddDays(12), levels.DueOn(RequestStatus.AwaitingVisit, Today, visit));
    }

    [Fact]
    public void Unset_targets_keep_their_defaults()
    {
        var levels = Bind(new Dictionary<string, string?> { ["Requests:ServiceLevelDays:UnderReview"] = "15" });

        Assert.Equal((2, 15, 14, 0), (levels.Submitted, levels.UnderReview, levels.NeedsMoreDocuments, levels.AwaitingVisit));
    }

    [Fact]
    public void A_negative_number_of_days_stops_the_portal_from_starting()
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
            Bind(new Dictionary<string, string?> { ["Requests:ServiceLevelDays:Submitted"] = "-1" }));

        Assert.Contains("Requests:ServiceLevelDays", refused.Message, StringComparison.Ordinal);
    }

    private static RequestServiceLevels Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddRequests(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RequestServiceLevels>>().Value;
    }
}
