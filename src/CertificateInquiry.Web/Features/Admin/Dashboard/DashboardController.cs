using System.Globalization;
using System.Text.Json;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Staff;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Dashboard;

/// <summary>
/// /admin/dashboard, for provincial managers (their province) and national admins (every province): requests by
/// status and by province, the overdue ones, the median time to answer, online lookups per day. Each chart is drawn by
/// Chart.js from a JSON block in the page and has the same numbers in a table beside it, which is what a screen reader,
/// a printout or a browser without JavaScript gets. Experts are refused with the access-denied page (403): the page is
/// not secret, it is just not part of their work.
/// </summary>
[Route("admin/dashboard")]
[Authorize(Policy = StaffPolicies.Managers)]
public sealed class DashboardController(DashboardStatistics statistics) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new DashboardPage(await statistics.ComputeAsync(cancellationToken)));
}

public sealed record DashboardPage(DashboardFigures Figures)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ScopeTitle => Figures.ProvinceName is { } province ? "استان " + province : "همه استان‌ها";

    /// <summary>«۴٫۵ روز»: days with one decimal, Persian digits and decimal separator.</summary>
    public string? MedianAnswer => Figures.AnswerTime is { } time
        ? PersianNumber(time.MedianDays.ToString("0.#", CultureInfo.InvariantCulture)) + " روز"
        : null;

    /// <summary>A Jalali day for the chart's axis: month/day («۰۹/۰۳»).</summary>
    public static string ShortDay(DateOnly day) => JalaliDate.FormatPersian(day)[5..];

    /// <summary>
    /// The charts' data for wwwroot/js/dashboard.js: labels already in Persian, values as numbers. Serialized with the
    /// default encoder, which escapes &lt; &gt; &amp; and quotes, so it cannot end its script element.
    /// </summary>
    public string ChartData() => JsonSerializer.Serialize(new
    {
        byStatus = new
        {
            labels = Figures.ByStatus.Select(s => RequestStatusText.Title(s.Status)),
            values = Figures.ByStatus.Select(s => s.Count),
        },
        byProvince = Figures.AllProvinces
            ? new
            {
                labels = Figures.ByProvince.Select(p => p.ProvinceName),
                total = Figures.ByProvince.Select(p => p.Total),
                open = Figures.ByProvince.Select(p => p.Open),
            }
            : null,
        lookups = new
        {
            labels = Figures.LookupsPerDay.Select(d => ShortDay(d.Date)),
            total = Figures.AllProvinces ? Figures.LookupsPerDay.Select(d => d.Total) : null,
            found = Figures.LookupsPerDay.Select(d => d.Found),
        },
    }, Json);

    private static string PersianNumber(string invariant) => PersianText.ToPersianDigits(invariant.Replace('.', '٫'));
}
