using System.Text;
using CertificateInquiry.Web.Data.Seeding;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>Builds import files for the tests.</summary>
public static class ImportFiles
{
    public const string Header = DemoCertificateGenerator.Header;

    /// <summary>A valid license row; change fields by column name.</summary>
    public static string Row(string number = "1402-04-900001", params (string Column, string Value)[] changes)
    {
        var fields = new[]
        {
            number, "license", "1270123459", "علی", "رضایی", "محمود", "1365/11/02", "male", "7411-20-002",
            "برق‌کار ساختمان درجه ۲", "360", "1402/02/11", "1402/03/01", "1407/03/01", "اصفهان",
            "مرکز آموزش فنی و حرفه‌ای شماره ۲ اصفهان", "valid", "tvto",
        };
        var columns = Header.Split(',');
        foreach (var (column, value) in changes)
        {
            fields[Array.IndexOf(columns, column)] = value;
        }

        return string.Join(',', fields);
    }

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    /// <summary>A generated file: the demo showcase plus <paramref name="count"/> rows.</summary>
    public static byte[] Generated(int count, int seed = 1403) => DemoCertificateGenerator.Csv(count, seed);
}
