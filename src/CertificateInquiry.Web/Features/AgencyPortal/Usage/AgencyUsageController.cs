using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>
/// The agency's usage (<c>/agency/usage</c>): per Iran day of a Jalali range (the last 30 days by default, at most 366),
/// its rows by outcome and by channel, as a table and a server-drawn chart, and as a CSV (<c>/agency/usage.csv</c>).
/// Always the signed-in member's own agency: no agency id is ever read from the request.
/// </summary>
public sealed class AgencyUsageController(AgencyPortalMember member, AgencyUsageReport report, TimeProvider clock) : AgencyPortalController
{
    public const string Path = "/agency/usage";
    public const string CsvPath = "/agency/usage.csv";

    [HttpGet(Path)]
    public async Task<IActionResult> Index([FromQuery] AgencyUsageQuery query, CancellationToken cancellationToken)
    {
        var (usage, refused) = await ReadAsync(query, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return View("Index", new AgencyUsagePage(query, usage));
    }

    [HttpGet(CsvPath)]
    public async Task<IActionResult> Csv([FromQuery] AgencyUsageQuery query, CancellationToken cancellationToken)
    {
        var (usage, refused) = await ReadAsync(query, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return usage is null
            ? View("Index", new AgencyUsagePage(query, null))
            : File(AgencyUsageCsv.Write(usage), AgencyUsageCsv.ContentType, AgencyUsageCsv.FileName(usage.Range));
    }

    private async Task<(AgencyUsage? Usage, IActionResult? Refused)> ReadAsync(AgencyUsageQuery query, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        query.Normalize();
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return (null, Forbid(AgencyPortalDefaults.Scheme));
        }

        var errors = new List<(string Field, string Message)>();
        var range = AgencyUsageRange.Read(query.From, query.To, IranTime.Today(clock), errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (range is null)
        {
            return (null, null);
        }

        return (await report.ForAsync(caller.Agency.Id, caller.Agency.DailyRowQuota, range, cancellationToken), null);
    }
}
