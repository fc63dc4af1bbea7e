using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Payments;

public class FeeFormattingTests
{
    [Theory]
    [InlineData(3_000_000, "۳٬۰۰۰٬۰۰۰ ریال")]
    [InlineData(2_500_000, "۲٬۵۰۰٬۰۰۰ ریال")]
    [InlineData(1_234_567_890, "۱٬۲۳۴٬۵۶۷٬۸۹۰ ریال")]
    [InlineData(1000, "۱٬۰۰۰ ریال")]
    [InlineData(999, "۹۹۹ ریال")]
    [InlineData(0, "۰ ریال")]
    public void Amounts_are_rials_in_persian_digits_with_the_persian_thousands_separator(long amount, string expected) =>
        Assert.Equal(expected, Rials.Format(amount));

    [Fact]
    public void A_fee_displays_through_the_same_helper() =>
        Assert.Equal("۳٬۶۰۰٬۰۰۰ ریال", new Fee(1406, 3_600_000).Display);

    [Fact]
    public void A_negative_amount_is_a_mistake_not_a_display() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rials.Format(-1));

    [Fact]
    public void The_due_date_of_a_submitted_request_is_today_plus_its_service_level()
    {
        var levels = new RequestServiceLevels { Submitted = 2, UnderReview = 10 };
        var today = new DateOnly(2026, 11, 24);

        Assert.Equal(new DateOnly(2026, 11, 26), levels.DueOn(RequestStatus.Submitted, today));
        Assert.Equal(new DateOnly(2026, 12, 4), levels.DueOn(RequestStatus.UnderReview, today));
        Assert.Null(levels.DueOn(RequestStatus.Answered, today));
        Assert.Null(levels.DueOn(RequestStatus.Draft, today));
        Assert.Equal(new DateOnly(2026, 12, 6), levels.ExpectedAnswerOn(today));
    }
}
