using System.Diagnostics;
using System.Text;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Persian;
using Xunit.Abstractions;

namespace CertificateInquiry.UnitTests.Shared.Batches;

/// <summary>A full-size file goes through reading and checking in one stream; speed is measured in bench/, not asserted here.</summary>
public class BatchFileVolumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reads_and_checks_100000_csv_rows_in_one_pass_each()
    {
        var text = new StringBuilder("row_id,national_code,certificate_number,first_name,last_name\r\n", 6_000_000);
        for (var i = 1; i <= 100_000; i++)
        {
            var code = NationalCode.Complete((100_000_000 + i).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
            // Every tenth row repeats the one before it, except every hundredth, which has a wrong check digit.
            if (i % 10 == 0)
            {
                code = NationalCode.Complete((100_000_000 + i - 1).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (i % 100 == 0)
            {
                code = code[..9] + (char)('0' + ((code[9] - '0' + 1) % 10));
            }

            text.Append('r').Append(i).Append(',').Append(code).Append(",TV-1402-").Append(i % 10 == 0 ? i - 1 : i).Append(",علی,رضایی\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var stopwatch = Stopwatch.StartNew();
        using var file = await BatchFileReader.OpenAsync(new MemoryStream(bytes), "big.csv", "text/csv", CancellationToken.None);
        var fileCheck = file.Check();
        var rowCheck = new BatchRowCheck(false);
        var reasons = file.ReadRows().Select(rowCheck.Check).GroupBy(r => r.Reason ?? "valid").ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{bytes.Length / 1e6:F1} MB, 100,000 rows: check + read + row check in {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(100_000, fileCheck.Rows);
        Assert.Equal(new Dictionary<string, int> { ["valid"] = 90_000, [BatchRowReasons.DuplicateRow] = 9_000, [BatchRowReasons.InvalidNationalCode] = 1_000 }, reasons);
    }
}
