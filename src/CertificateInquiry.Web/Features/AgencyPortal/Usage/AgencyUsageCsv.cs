using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>
/// The usage table as a CSV file for a spreadsheet: UTF-8 with a BOM (so that Excel reads the Persian headers), one
/// line per day with its Jalali date (Latin digits, yyyy/MM/dd) and Gregorian date, every field quoted, and every text
/// cell neutralized against formula injection (<see cref="BatchResultWriter.Neutralize"/>).
/// </summary>
public static class AgencyUsageCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Headers =
    [
        "تاریخ", "تاریخ میلادی", "همه ردیف‌ها", "یافت شد", "یافت نشد", "نادرست", "وب‌سرویس", "درگاه", "فایل دسته‌ای", "نامه کاغذی",
    ];

    public static byte[] Write(AgencyUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var text = new StringBuilder();
        AppendLine(text, Headers);
        foreach (var day in usage.Days)
        {
            AppendLine(text,
            [
                JalaliDate.Format(day.Day),
                day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Number(day.Total),
                Number(day.Verified),
                Number(day.NotFound),
                Number(day.Invalid),
                Number(day.Api),
                Number(day.Portal),
                Number(day.Batch),
                Number(day.Paper),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string FileName(AgencyUsageRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return "agency-usage-" + JalaliDate.Format(range.From).Replace('/', '-') + "-to-" + JalaliDate.Format(range.To).Replace('/', '-') + ".csv";
    }

    /// <summary>One quoted field, neutralized: a cell can never start a formula, whatever it holds.</summary>
    public static string Field(string? value) => "\"" + BatchResultWriter.Neutralize(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder text, IEnumerable<string> cells) =>
        text.AppendJoin(',', cells.Select(Field)).Append("\r\n");
}
