using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Requests;

public class RequestReceiptTests
{
    // 2025-11-24 10:35 UTC is 14:05 on ۱۴۰۴/۰۹/۰۳ in Tehran.
    internal static readonly DateTime SubmittedAt = new(2025, 11, 24, 10, 35, 0, DateTimeKind.Utc);

    internal static InquiryRequest SubmittedRequest()
    {
        var request = RequestBuilder.Draft();
        request.FirstName = "علی";
        request.LastName = "رضایی";
        request.Gender = Gender.Male;
        request.Mobile = "09121234567";
        request.Standard = new TrainingStandard { Code = "7411-53-001-1", Title = "برق‌کار ساختمان درجه 2" };
        request.ExamYear = 1385;
        request.Province = new Province { Id = 4, Name = "اصفهان" };
        request.TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره 1 اصفهان";
        request.CertificateNumber = "85/1234";
        request.Documents.Add(Document(DocumentKind.NationalCard, "کارت-ملی.jpg", 1));
        request.Documents.Add(Document(DocumentKind.BirthCertificate, "shenasname.pdf", 2));
        request.Documents.Add(Document(DocumentKind.EducationDegree, "diploma scan 2.png", 3));
        request.Documents.Add(Document(DocumentKind.MilitaryService, "payan-khedmat.pdf", 4));
        request.Payments.Add(new Payment { Gateway = "sandbox", AmountRials = 2_500_000, Status = PaymentStatus.Failed, CreatedAtUtc = SubmittedAt.AddMinutes(-9), CompletedAtUtc = SubmittedAt.AddMinutes(-8) });
        request.Payments.Add(new Payment { Gateway = "sandbox", AmountRials = 2_500_000, Status = PaymentStatus.Paid, ReferenceNumber = "735902118", CreatedAtUtc = SubmittedAt.AddMinutes(-2), CompletedAtUtc = SubmittedAt.AddMinutes(-1) });
        request.Submit(RequestBuilder.Code, SubmittedAt, new DateOnly(2025, 11, 26));
        return request;
    }

    private static RequestDocument Document(DocumentKind kind, string name, int minute) => new()
    {
        Kind = kind,
        OriginalName = name,
        StoredName = Guid.NewGuid().ToString("N"),
        ContentType = "application/pdf",
        Sha256 = new string('a', 64),
        UploadedAtUtc = SubmittedAt.AddMinutes(-30 + minute),
    };

    [Fact]
    public void The_receipt_carries_what_the_applicant_gave_and_paid()
    {
        var receipt = RequestReceipt.From(SubmittedRequest(), new RequestServiceLevels(), "https://estelam.portal.test/requests/track");

        Assert.Equal(RequestBuilder.Code, receipt.TrackingCode);
        Assert.Equal(SubmittedAt, receipt.SubmittedAtUtc);
        Assert.Equal("علی رضایی", receipt.ApplicantName);
        Assert.Equal("0912***4567", receipt.MobileMasked);
        Assert.Equal("برق‌کار ساختمان درجه 2", receipt.Trade);
        Assert.Equal(1385, receipt.ExamYear);
        Assert.Equal("اصفهان", receipt.ProvinceName);
        Assert.Equal("85/1234", receipt.CertificateNumber);
        Assert.Equal(2_500_000, receipt.FeeRials);
        Assert.Equal("735902118", receipt.BankReference); // the paid attempt, not the failed one
        Assert.Equal(
            ["کارت ملی", "شناسنامه", "آخرین مدرک تحصیلی", "کارت پایان خدمت یا معافیت"],
            receipt.Documents.Select(d => d.KindTitle));
        Assert.Equal("diploma scan 2.png", receipt.Documents[2].OriginalName);
    }

    [Fact]
    public void The_expected_answer_is_the_start_target_plus_the_review_target_from_the_day_of_submission()
    {
        var receipt = RequestReceipt.From(SubmittedRequest(), new RequestServiceLevels(), "/requests/track");

        // ۱۴۰۴/۰۹/۰۳ + 2 + 10 days.
        Assert.Equal("1404/09/15", JalaliDate.Format(receipt.ExpectedAnswerOn!.Value));
    }

    [Fact]
    public void The_trade_typed_by_the_applicant_stands_in_when_no_standard_was_chosen()
    {
        var request = SubmittedRequest();
        request.Standard = null;
        request.TradeText = "تراشکاری";

        Assert.Equal("تراشکاری", RequestReceipt.From(request, new RequestServiceLevels(), "/requests/track").Trade);
    }

    [Fact]
    public void A_draft_has_no_receipt() =>
        Assert.Throws<InvalidOperationException>(() => RequestReceipt.From(RequestBuilder.Draft(), new RequestServiceLevels(), "/requests/track"));
}
