using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.UnitTests.CertificateLookup;

public class CertificateDisclosureTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static CertificateRecord License(
        CertificateStatus status = CertificateStatus.Valid, DateOnly? expiry = null,
        TrainingProgram program = TrainingProgram.Tvto, string trainingCenter = "مرکز شماره 2") => new(
        1, "1402-04-000102", CertificateKind.License, "1270123459", "علی", "رضایی", "محمود", "برق‌کار ساختمان درجه 2",
        "7411-20-002", 360, new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 22), expiry ?? new DateOnly(2028, 5, 21), "اصفهان",
        trainingCenter, program, status, "0123456789abcdef");

    [Fact]
    public void The_public_tier_shows_what_an_employer_needs_and_nothing_about_the_person()
    {
        var details = CertificateDisclosure.Disclose(License(), DisclosureTier.Public, Today);

        Assert.Equal("ع. ر.", details.HolderName);
        Assert.Equal(("1402-04-000102", "برق‌کار ساختمان درجه 2", "اصفهان"), (details.Number, details.StandardTitle, details.ProvinceName));
        Assert.Equal(new DateOnly(2023, 5, 22), details.IssueDate);
        Assert.Equal(new DateOnly(2028, 5, 21), details.ExpiryDate);
        Assert.Null(details.FatherName);
        Assert.Null(details.NationalCodeMasked);
        Assert.Null(details.StandardCode);
        Assert.Null(details.StandardHours);
        Assert.Null(details.ExamDate);
        Assert.Null(details.IssuingOffice);
        Assert.Null(details.VerificationCode);
    }

    [Fact]
    public void The_holder_confirmed_tier_shows_the_whole_record_with_the_national_code_masked()
    {
        var details = CertificateDisclosure.Disclose(License(), DisclosureTier.HolderConfirmed, Today);

        Assert.Equal("علی رضایی", details.HolderName);
        Assert.Equal("محمود", details.FatherName);
        Assert.Equal("۱۲۷۰***۴۵۹", details.NationalCodeMasked);
        Assert.Equal("7411-20-002", details.StandardCode);
        Assert.Equal(360, details.StandardHours);
        Assert.Equal("اداره کل آموزش فنی و حرفه‌ای استان اصفهان", details.IssuingOffice);
        Assert.Equal("0123456789abcdef", details.VerificationCode);
    }

    [Theory]
    [InlineData(TrainingProgram.Tvto, "مرکز آموزش فنی و حرفه‌ای شماره 2 اصفهان")]
    [InlineData(TrainingProgram.Education, "هنرستان کاردانش شهید بهشتی اصفهان")]
    [InlineData(TrainingProgram.Judiciary, "کارگاه آموزشی زندان مرکزی اصفهان")]
    [InlineData(TrainingProgram.Partner, "سازمان بهزیستی کشور")]
    public void Every_program_discloses_the_same_thing_the_provincial_office_and_never_the_program_or_centre(
        TrainingProgram program, string trainingCenter)
    {
        foreach (var tier in new[] { DisclosureTier.Public, DisclosureTier.HolderConfirmed })
        {
            var tvto = CertificateDisclosure.Disclose(License(), tier, Today);
            var details = CertificateDisclosure.Disclose(License(program: program, trainingCenter: trainingCenter), tier, Today);

            Assert.Equal(tvto, details);
            Assert.DoesNotContain(trainingCenter, details.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(CertificateStatus.Valid, 2028, StandingKind.Valid)]
    [InlineData(CertificateStatus.Valid, 2026, StandingKind.Expired)] // expired on 2026-05-21
    [InlineData(CertificateStatus.Revoked, 2028, StandingKind.Revoked)]
    [InlineData(CertificateStatus.Revoked, 2026, StandingKind.Revoked)] // revoked outranks expired
    public void Standing_is_valid_revoked_or_expired(CertificateStatus status, int expiryYear, StandingKind expected) =>
        Assert.Equal(expected, CertificateDisclosure.Disclose(License(status, new DateOnly(expiryYear, 5, 21)), DisclosureTier.Public, Today).Standing);

    [Fact]
    public void A_license_is_still_valid_on_its_expiry_day() =>
        Assert.Equal(StandingKind.Valid, CertificateDisclosure.Standing(License(expiry: Today), Today));

    [Theory]
    [InlineData("محمدرضا", "حسن‌زاده", "م. ح.")]
    [InlineData("سید علی", "میرزایی", "س. ع. م.")]
    public void Names_are_masked_to_their_first_letters(string first, string last, string masked) =>
        Assert.Equal(masked, CertificateDisclosure.MaskName(first, last));

    [Fact]
    public void A_foreign_holders_full_record_names_the_identifier_kind_and_the_nationality_and_masks_five_digits()
    {
        var record = License() with { NationalCode = "500123456781", Nationality = "AF" };

        var full = CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, Today);
        var open = CertificateDisclosure.Disclose(record, DisclosureTier.Public, Today);

        Assert.Equal(("کد یکتای اتباع", "۵۰۰۱*****۷۸۱", "افغانستان"), (full.IdentifierLabel, full.NationalCodeMasked, full.NationalityName));
        Assert.Equal((null, null), (open.NationalCodeMasked, open.NationalityName));
        Assert.Equal("کد ملی", CertificateDisclosure.Disclose(License(), DisclosureTier.HolderConfirmed, Today).IdentifierLabel);
        Assert.Null(CertificateDisclosure.Disclose(License(), DisclosureTier.HolderConfirmed, Today).NationalityName);
    }
}
