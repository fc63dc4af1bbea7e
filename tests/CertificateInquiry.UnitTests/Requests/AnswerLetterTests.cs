using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Letters;

namespace CertificateInquiry.UnitTests.Requests;

public class AnswerLetterTests
{
    [Theory]
    [InlineData(8, 1405, 12, "08/1405/00012")]
    [InlineData(31, 1405, 1, "31/1405/00001")]
    [InlineData(1, 1410, 99_999, "01/1410/99999")]
    [InlineData(4, 1405, 123_456, "04/1405/123456")] // a sixth digit rather than a clash
    public void The_number_is_province_year_and_sequence(int provinceId, int year, int sequence, string expected) =>
        Assert.Equal(expected, AnswerLetter.FormatNumber(provinceId, year, sequence));

    [Theory]
    [InlineData(0, 1405, 1)]
    [InlineData(8, 140, 1)]
    [InlineData(8, 1405, 0)]
    public void A_number_cannot_be_made_of_nonsense(int provinceId, int year, int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerLetter.FormatNumber(provinceId, year, sequence));

    [Fact]
    public void The_date_is_the_day_of_issue_in_iran_in_persian_digits()
    {
        var letter = AnswerLetterSamples.Confirmed();
        Assert.Equal("۱۴۰۵/۰۸/۱۲", AnswerLetterText.Date(letter));

        // 22:00 UTC on 20 March 2026 is already 1 Farvardin 1405 in Tehran.
        letter.IssuedAtUtc = new DateTime(2026, 3, 20, 22, 0, 0, DateTimeKind.Utc);
        Assert.Equal("۱۴۰۵/۰۱/۰۱", AnswerLetterText.Date(letter));
    }

    [Theory]
    [InlineData(Gender.Male, "جناب آقای رضا کاظمی")]
    [InlineData(Gender.Female, "سرکار خانم رضا کاظمی")]
    [InlineData(null, "رضا کاظمی")]
    public void A_holder_is_addressed_by_name_with_the_courtesy_title(Gender? gender, string expected)
    {
        var letter = AnswerLetterSamples.Confirmed();
        letter.ApplicantGender = gender;
        Assert.Equal(expected, AnswerLetterText.Addressee(letter));
    }

    [Fact]
    public void An_organization_is_addressed_and_its_letter_answered_about_the_holder()
    {
        var letter = AnswerLetterSamples.ForOrganization(AnswerLetterSamples.Confirmed());

        Assert.Equal("اداره کل تعاون، کار و رفاه اجتماعی استان تهران", AnswerLetterText.Addressee(letter));
        var reference = AnswerLetterText.Paragraphs(letter)[0];
        Assert.StartsWith("احتراماً، بازگشت به نامه شماره 85/1234 درباره استعلام گواهینامه مهارت آقای رضا کاظمی فرزند حسین", reference, StringComparison.Ordinal);
        Assert.Contains("کد رهگیری " + RequestBuilder.Code, reference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmed_letter_gives_the_certificate_and_says_it_is_now_online()
    {
        var paragraphs = AnswerLetterText.Paragraphs(AnswerLetterSamples.Confirmed());

        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(
            "احتراماً، بازگشت به درخواست شما به کد رهگیری 482915307714 درباره گواهینامه مهارت حرفه «جوشکاری برق درجه ۲» با سال آزمون ۱۳۸۶، "
            + "به آگاهی می‌رساند سوابق بایگانی این اداره کل بررسی شد و نتیجه به شرح زیر است:",
            paragraphs[0]);
        Assert.Equal(
            "گواهینامه مهارت شماره 1386-08-004512 به نام رضا کاظمی فرزند حسین، در استاندارد آموزشی «جوشکاری برق درجه ۲» به کد 7212-33-001-1، "
            + "با تاریخ آزمون ۱۳۸۶/۰۳/۱۱ و تاریخ صدور ۱۳۸۶/۰۴/۱۰، صادرشده در اداره کل آموزش فنی و حرفه‌ای استان تهران، "
            + "در بایگانی این اداره کل موجود است و اصالت آن تأیید می‌شود.",
            paragraphs[1]);
        Assert.Contains("به‌صورت برخط قابل استعلام است", paragraphs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_issued_before_the_disclosure_rule_does_not_print_the_training_centre_it_stored()
    {
        var letter = AnswerLetterSamples.Confirmed();
        letter.TrainingCenter = "کارگاه آموزشی زندان مرکزی تهران";

        var paragraph = AnswerLetterText.Paragraphs(letter)[1];

        Assert.DoesNotContain("زندان", paragraph, StringComparison.Ordinal);
        Assert.Contains("۱۳۸۶/۰۴/۱۰، در بایگانی این اداره کل موجود است", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public void A_license_is_called_a_license()
    {
        var letter = AnswerLetterSamples.Confirmed();
        letter.CertificateKind = CertificateKind.License;

        Assert.StartsWith("پروانه مهارت شماره ", AnswerLetterText.Paragraphs(letter)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_miss_says_nothing_was_found_with_the_experts_explanation_if_any()
    {
        var bare = AnswerLetterText.Paragraphs(AnswerLetterSamples.NotFound());
        var explained = AnswerLetterText.Paragraphs(AnswerLetterSamples.NotFound("پرونده‌های سال 1386 این مرکز در آتش‌سوزی از بین رفته است"));

        Assert.Equal("گواهینامه‌ای با مشخصات اعلام‌شده در بایگانی این اداره کل یافت نشد.", bare[1]);
        Assert.Equal("گواهینامه‌ای با مشخصات اعلام‌شده در بایگانی این اداره کل یافت نشد. توضیح: پرونده‌های سال ۱۳۸۶ این مرکز در آتش‌سوزی از بین رفته است", explained[1]);
        Assert.Contains("درخواست تازه‌ای ثبت کرد", bare[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_gives_its_reason()
    {
        var paragraphs = AnswerLetterText.Paragraphs(AnswerLetterSamples.Rejected());

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("درخواست یادشده به دلیل زیر پذیرفته نشد: " + AnswerLetterSamples.RejectionReason, paragraphs[1]);
    }
}
