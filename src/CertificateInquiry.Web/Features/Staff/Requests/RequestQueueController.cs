using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The queue of paper-era requests: the user's province (national admins: every province, with a province filter),
/// filtered, searched, sorted and paged; counts per status above it.
/// </summary>
[Route("admin/requests")]
public sealed class RequestQueueController(RequestQueueReader queue) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] QueueQuery query, CancellationToken cancellationToken)
    {
        query.Normalize();

        // Binding messages (a page that is not a number, …) are English; the queue simply ignores such a filter.
        ModelState.Clear();
        return View(await queue.ReadAsync(query, ModelState, cancellationToken));
    }
}
