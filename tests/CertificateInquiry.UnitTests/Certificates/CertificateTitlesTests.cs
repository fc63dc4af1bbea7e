using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.UnitTests.Certificates;

public sealed class CertificateTitlesTests
{
    public static TheoryData<string, string, string> EveryValue()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in Enum.GetValues<CertificateKind>())
        {
            data.Add(nameof(CertificateKind), kind.ToString(), CertificateTitles.Kind(kind));
        }

        foreach (var program in Enum.GetValues<TrainingProgram>())
        {
            data.Add(nameof(TrainingProgram), program.ToString(), CertificateTitles.Program(program));
        }

        foreach (var source in Enum.GetValues<RecordSource>())
        {
            data.Add(nameof(RecordSource), source.ToString(), CertificateTitles.Source(source));
        }

        foreach (var status in Enum.GetValues<CertificateStatus>())
        {
            data.Add(nameof(CertificateStatus), status.ToString(), CertificateTitles.Status(status));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryValue))]
    public void Every_value_has_a_persian_title_of_its_own(string type, string value, string title)
    {
        Assert.False(string.IsNullOrWhiteSpace(title), $"{type}.{value} has no title.");
        Assert.NotEqual(value, title);
        Assert.NotEqual("نامشخص", title);
        Assert.Matches(@"^[\u0600-\u06FF\u200C ]+$", title);
    }

    [Fact]
    public void No_two_values_of_one_enum_share_a_title()
    {
        var titles = EveryValue().Select(row => ((string)row[0], (string)row[2])).ToList();

        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public void A_value_outside_the_enum_never_shows_its_number()
    {
        Assert.Equal("گواهینامه مهارت", CertificateTitles.Kind((CertificateKind)99));
        Assert.Equal("نامشخص", CertificateTitles.Program((TrainingProgram)99));
        Assert.Equal("نامشخص", CertificateTitles.Source((RecordSource)99));
        Assert.Equal("نامشخص", CertificateTitles.Status((CertificateStatus)99));
    }

    [Fact]
    public void The_kinds_read_as_on_the_certificates_themselves()
    {
        Assert.Equal("گواهینامه مهارت", CertificateTitles.Kind(CertificateKind.Certificate));
        Assert.Equal("پروانه مهارت", CertificateTitles.Kind(CertificateKind.License));
    }

    [Fact]
    public void Options_list_every_program_in_order_with_its_name_as_the_value()
    {
        var options = CertificateTitles.Options<TrainingProgram>(CertificateTitles.Program);

        Assert.Equal(Enum.GetNames<TrainingProgram>(), options.Select(o => o.Value));
        Assert.Equal("قوه قضائیه", options.Single(o => o.Value == nameof(TrainingProgram.Judiciary)).Text);
    }
}
