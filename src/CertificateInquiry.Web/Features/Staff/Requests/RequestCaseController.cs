using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// One request in the back-office: the case page, its documents, and every action staff take on it. Each action binds
/// its form, calls one use-case method (<see cref="RequestCaseActions"/>, <see cref="AnswerApproval"/>: scope, version,
/// one transaction, through <see cref="CaseActionRunner"/>) and turns its <see cref="CaseActionOutcome"/> into a
/// redirect or the case page again (<see cref="RespondAsync"/>); documents come through <see cref="CaseDocuments"/>.
/// Another province's request, or its document, is a 404, logged.
/// </summary>
[Route("admin/requests")]
public sealed class RequestCaseController(
    StaffScope scope,
    RequestCaseReader reader,
    RequestCaseActions actions,
    AnswerApproval approval,
    CaseDocuments documents,
    TimeProvider clock,
    OfficialHolidays holidays,
    ILogger<RequestCaseController> logger) : StaffController
{
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Case(long id, string? done, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, input: null, conflict: false, CaseNotices.For(done), cancellationToken);
        return page is null ? NotFoundLogged(id) : View(page);
    }

    /// <summary>
    /// The document viewer: a page of the portal around one document (an image shown at page width, a PDF offered to
    /// open or download), styled by the portal's stylesheet, so it works under the portal's content security policy.
    /// Opening a raw image in a tab instead leaves it to the browser's own image page, whose inline styles that policy
    /// blocks. The bytes themselves still come only through <see cref="Document"/>, which audits each opening.
    /// </summary>
    [HttpGet("{id:long}/documents/{documentId:long}/view")]
    public async Task<IActionResult> DocumentViewer(long id, long documentId, CancellationToken cancellationToken) =>
        await documents.ViewerAsync(id, documentId, cancellationToken) is { } page ? View(page) : NotFoundLogged(id, documentId);

    /// <summary>
    /// An uploaded document, inline (images and PDF open in the browser) or as a download. The bytes come only
    /// through here, after the request was found in the user's scope; every opening is in the staff audit trail.
    /// </summary>
    [HttpGet("{id:long}/documents/{documentId:long}")]
    public async Task<IActionResult> Document(long id, long documentId, bool download, CancellationToken cancellationToken)
    {
        var opened = await documents.OpenAsync(id, documentId, download, cancellationToken);
        if (opened is null)
        {
            return NotFoundLogged(id, documentId);
        }

        if (opened.Content is null)
        {
            return NotFound(); // the file is gone from the store: logged as an error by CaseDocuments
        }

        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(opened.OriginalName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(opened.Content, opened.ContentType, enableRangeProcessing: true);
    }

    [HttpPost("{id:long}/assign")]
    public async Task<IActionResult> Assign(long id, [FromForm] AssignInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.AssignAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/start-review")]
    public async Task<IActionResult> StartReview(long id, [FromForm] StartReviewInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.StartReviewAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/ask-documents")]
    public async Task<IActionResult> AskForDocuments(long id, [FromForm] MoreDocumentsInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.AskForDocumentsAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/notes")]
    public async Task<IActionResult> AddNote(long id, [FromForm] NoteInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.AddNoteAsync(id, input, cancellationToken), cancellationToken);

    /// <summary>The holder's details for a request of an agency's paper letter (<see cref="RequestCaseActions.RecordHolderAsync"/>).</summary>
    [HttpPost("{id:long}/holder")]
    public async Task<IActionResult> RecordHolder(long id, [FromForm] HolderInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.RecordHolderAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/messages")]
    public async Task<IActionResult> SendMessage(long id, [FromForm] MessageInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.SendMessageAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/schedule-visit")]
    public async Task<IActionResult> ScheduleVisit(long id, [FromForm] VisitInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.ScheduleVisitAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/reschedule-visit")]
    public async Task<IActionResult> RescheduleVisit(long id, [FromForm] RescheduleVisitInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.RescheduleVisitAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/cancel-visit")]
    public async Task<IActionResult> CancelVisit(long id, [FromForm] CancelVisitInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.CancelVisitAsync(id, input, cancellationToken), cancellationToken);

    /// <summary>The applicant did not come (<see cref="RequestCaseActions.RecordNoShowAsync"/>: only once the appointment's time has passed).</summary>
    [HttpPost("{id:long}/no-show")]
    public async Task<IActionResult> RecordNoShow(long id, [FromForm] NoShowInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.RecordNoShowAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/visit-held")]
    public async Task<IActionResult> VisitHeld(long id, [FromForm] VisitHeldInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.RecordVisitHeldAsync(id, input, cancellationToken), cancellationToken);

    /// <summary>The maker's half of the answer (<see cref="AnswerApproval.ProposeAsync"/>).</summary>
    [HttpPost("{id:long}/proposals")]
    public async Task<IActionResult> Propose(long id, [FromForm] ProposalInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await approval.ProposeAsync(id, input, cancellationToken), cancellationToken);

    /// <summary>The checker's half (<see cref="AnswerApproval.ApproveAsync"/>): managers and national admins only, by policy.</summary>
    [HttpPost("{id:long}/proposals/{proposalId:long}/approve")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public async Task<IActionResult> Approve(long id, long proposalId, [FromForm] ApproveInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await approval.ApproveAsync(id, proposalId, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/proposals/{proposalId:long}/return")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public async Task<IActionResult> Return(long id, long proposalId, [FromForm] ReturnInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await approval.ReturnAsync(id, proposalId, input, cancellationToken), cancellationToken);

    /// <summary>
    /// How an action ended, as a response: success redirects to the case page with its notice; a request out of scope is
    /// a 404 (logged); invalid input, a conflict or a refusal render the case page as it is now, with the Persian message
    /// in the error summary and what was typed back in its form.
    /// </summary>
    private async Task<IActionResult> RespondAsync(long id, CaseActionInput input, CaseActionOutcome outcome, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // binding messages are English and technical; a bad Version is a conflict, found by the service
        switch (outcome.Kind)
        {
            case CaseActionOutcome.Kinds.Done:
                logger.LogInformation("Staff user {UserId}: {Action} on request {RequestId}", scope.UserId, outcome.Done, id);
                return Redirect("/admin/requests/" + Id(id) + "?done=" + outcome.Done);
            case CaseActionOutcome.Kinds.NotFound:
                return NotFoundLogged(id);
            case CaseActionOutcome.Kinds.Invalid:
                ModelState.AddErrors(outcome.Validation!);
                return await PageResultAsync(id, input, conflict: false, StatusCodes.Status200OK, cancellationToken);
            case CaseActionOutcome.Kinds.Conflict:
                logger.LogInformation("Staff user {UserId}: {Form} on request {RequestId} refused, the request changed meanwhile", scope.UserId, input.GetType().Name, id);
                ModelState.AddModelError(string.Empty, CaseActionOutcome.ConflictMessage);
                return await PageResultAsync(id, input, conflict: true, StatusCodes.Status409Conflict, cancellationToken);
            default:
                logger.LogInformation("Staff user {UserId}: {Form} on request {RequestId} refused: {StatusCode}", scope.UserId, input.GetType().Name, id, outcome.StatusCode);
                ModelState.AddModelError(outcome.Field, outcome.Message!);
                return await PageResultAsync(id, input, conflict: false, outcome.StatusCode, cancellationToken);
        }
    }

    private async Task<CasePage?> PageAsync(long id, CaseActionInput? input, bool conflict, string? notice, CancellationToken cancellationToken)
    {
        var @case = await reader.ReadAsync(id, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var forms = new CaseForms();
        if (input is not null)
        {
            forms.Keep(input);
        }

        forms.SetVersion(@case.Request.Version);
        if (input is null)
        {
            forms.Proposal.StandardId = @case.Request.StandardId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            forms.Proposal.TrainingCenter = @case.Request.TrainingCenter;
            forms.Proposal.CertificateNumber = @case.Request.CertificateNumber;
        }

        // The example date of the visit forms: a working day a week ahead, never a date in the past.
        return new CasePage(@case, CaseAbilities.For(@case, scope, IranTime.ToIranTime(clock.GetUtcNow().UtcDateTime)), forms, notice, conflict, await reader.StandardsAsync(cancellationToken), input)
        {
            AppointmentExample = JalaliDate.Format(AppointmentRules.ExampleDate(clock, holidays)),
        };
    }

    private async Task<IActionResult> PageResultAsync(long id, CaseActionInput input, bool conflict, int statusCode, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, input, conflict, notice: null, cancellationToken);
        if (page is null)
        {
            return NotFoundLogged(id);
        }

        Response.StatusCode = statusCode;
        return View(nameof(Case), page);
    }

    private NotFoundResult NotFoundLogged(long requestId, long? documentId = null)
    {
        // Another province's request looks exactly like a missing one to the user; the log tells them apart for an operator.
        logger.LogWarning("Staff user {UserId} was refused request {RequestId} (document {DocumentId}): not in their scope, a draft, or no such request",
            scope.UserId, requestId, documentId);
        return NotFound();
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
