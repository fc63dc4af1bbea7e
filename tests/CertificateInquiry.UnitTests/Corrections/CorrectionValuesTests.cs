using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Holders.Corrections;

namespace CertificateInquiry.UnitTests.Corrections;

/// <summary>The rules a corrected value passes, and how a correction is written and decided.</summary>
public sealed class CorrectionValuesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly HashSet<int> Standards = [1, 2];

    private static Certificate License() => new()
    {
        Number = "1399-08-000001",
        TrainingCenter = "مرکز ۱",
        VerificationCode = "7k2m9p4q8r1s5t3v",
        Kind = CertificateKind.License,
        StandardId = 1,
        ExamDate = new DateOnly(2020, 6, 1),
        IssueDate = new DateOnly(2020, 7, 1),
        ExpiryDate = new DateOnly(2025, 7, 1),
        Person = new Person { NationalCode = "0076543218", FirstName = "مریم", LastName = "کاظمی", FatherName = "حسین" },
    };

    [Theory]
    [InlineData(CorrectionField.FatherName, " حسن ", "حسن")]
    [InlineData(CorrectionField.LastName, "كاظمي‌زاده", "کاظمی‌زاده")] // Arabic letters made Persian
    [InlineData(CorrectionField.IssueDate, "۱۳۹۹/۴/۲۰", "2020-07-10")]
    [InlineData(CorrectionField.ExamDate, "1399-03-01", "2020-05-21")]
    [InlineData(CorrectionField.Standard, "۲", "2")]
    public void A_good_value_is_read_into_its_stored_form(CorrectionField field, string typed, string stored)
    {
        var (value, refusal) = CorrectionValues.Read(field, typed, License(), Today, Standards);

        Assert.Null(refusal);
        Assert.Equal(stored, value);
    }

    [Theory]
    [InlineData(CorrectionField.FatherName, "حسین", CorrectionValues.SameAsNow)]
    [InlineData(CorrectionField.FatherName, "Hassan", "با حروف فارسی")]
    [InlineData(CorrectionField.FatherName, "=cmd|'/c calc'!A1", "با حروف فارسی")]
    [InlineData(CorrectionField.FirstName, "", "درست را بنویسید")]
    [InlineData(CorrectionField.IssueDate, "1406/01/01", CorrectionValues.FutureDate)]
    [InlineData(CorrectionField.IssueDate, "1399/02/01", "پیش از تاریخ آزمون")]
    [InlineData(CorrectionField.IssueDate, "1404/05/01", "پیش از پایان اعتبار")]
    [InlineData(CorrectionField.ExamDate, "1399/04/20", "پس از تاریخ صدور")]
    [InlineData(CorrectionField.ExamDate, "1299/01/01", "سال/ماه/روز")]
    [InlineData(CorrectionField.ExamDate, "1399/12/31", "سال/ماه/روز")] // Esfand has at most 30 days
    [InlineData(CorrectionField.Standard, "3", CorrectionValues.StandardRequired)]
    [InlineData(CorrectionField.Standard, "1", CorrectionValues.SameAsNow)]
    [InlineData(CorrectionField.Standard, "-1", CorrectionValues.StandardRequired)]
    public void A_bad_value_is_refused_in_persian(CorrectionField field, string typed, string refusal)
    {
        var (value, message) = CorrectionValues.Read(field, typed, License(), Today, Standards);

        Assert.Null(value);
        Assert.Contains(refusal, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_is_written_on_the_person_and_a_date_on_the_certificate_and_both_are_shown_in_persian()
    {
        var certificate = License();
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

        CorrectionValues.Apply(CorrectionField.FatherName, "حسن", certificate, at);
        CorrectionValues.Apply(CorrectionField.IssueDate, "2020-07-10", certificate, at);

        Assert.Equal("حسن", certificate.Person!.FatherName);
        Assert.Equal(at, certificate.Person.UpdatedAtUtc);
        Assert.Equal(new DateOnly(2020, 7, 10), certificate.IssueDate);
        Assert.Equal(at, certificate.UpdatedAtUtc);
        Assert.Equal("۱۳۹۹/۰۴/۲۰", CorrectionValues.Display(CorrectionField.IssueDate, "2020-07-10", new Dictionary<int, string>()));
        Assert.Equal("برق‌کار", CorrectionValues.Display(CorrectionField.Standard, "2", new Dictionary<int, string> { [2] = "برق‌کار" }));
        Assert.Equal("1399/04/20", CorrectionValues.ForForm(CorrectionField.IssueDate, "2020-07-10"));
    }

    [Theory]
    [InlineData("FatherName", CorrectionField.FatherName)]
    [InlineData("fathername", null)]
    [InlineData("2", null)]
    [InlineData("NationalCode", null)]
    [InlineData(null, null)]
    public void Only_a_field_named_exactly_is_a_field(string? name, CorrectionField? field) =>
        Assert.Equal(field, CorrectionValues.Parse(name));

    [Fact]
    public void The_proposer_cannot_decide_and_a_decision_closes_the_open_report()
    {
        var correction = new CertificateCorrection
        {
            HolderIdentifier = "0076543218", ReportedValue = "حسین", RequestedValue = "حسن", Note = "n", Mobile = "09121234567",
            OpenKey = CertificateCorrection.OpenKeyFor(new Certificate { Id = 7, PersonId = 3, Number = "1", TrainingCenter = "م", VerificationCode = "v" }, CorrectionField.FatherName),
        };
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        var version = correction.Version;

        correction.Propose(CorrectionOutcome.Correct, "حسن", null, "expert", "کارشناس", at);
        Assert.NotEqual(version, correction.Version);
        Assert.Throws<SelfApprovalException>(() => correction.Approve("expert", "کارشناس", at, null, "اصلاح شد"));
        Assert.Throws<InvalidOperationException>(() => correction.Propose(CorrectionOutcome.Reject, null, "دلیل", "other", "دیگری", at));

        correction.SendBack("manager", "مدیر", at, "دوباره ببینید");
        Assert.Equal((CorrectionStatus.Open, "p3:FatherName"), (correction.Status, correction.OpenKey));
        correction.Propose(CorrectionOutcome.Correct, "حسن", null, "expert", "کارشناس", at);
        correction.Approve("manager", "مدیر", at, null, "اصلاح شد");

        Assert.Equal(CorrectionStatus.Corrected, correction.Status);
        Assert.Null(correction.OpenKey);
        Assert.Throws<InvalidOperationException>(() => correction.Approve("manager2", "مدیر", at, null, "دوباره"));
    }
}
