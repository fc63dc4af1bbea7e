using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Holders.Corrections;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CertificateInquiry.Web.Features.Staff.Corrections;

/// <summary>
/// /admin/corrections: the queue of holders' reports of errors in the user's province (national admins: every
/// province), the case page, its document, and the maker–checker actions (<see cref="CorrectionActions"/>). Another
/// province's case is a 404, logged, exactly like a missing one.
/// </summary>
[Route("admin/corrections")]
public sealed class CorrectionCasesController(
    CorrectionCaseReader reader,
    CorrectionActions actions,
    StaffScope scope,
    DocumentStore store,
    StaffAuditTrail trail,
    Data.AppDbContext db,
    ILogger<CorrectionCasesController> logger) : StaffController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? page, CancellationToken cancellationToken) =>
        View(await reader.QueueAsync(status, page, cancellationToken));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Case(long id, string? done, CancellationToken cancellationToken) =>
        await PageAsync(id, null, CorrectionCasePage.Notice(done), StatusCodes.Status200OK, cancellationToken);

    /// <summary>The holder's document: only after the case was found in the user's scope; every opening is audited.</summary>
    [HttpGet("{id:long}/document")]
    public async Task<IActionResult> Document(long id, CancellationToken cancellationToken)
    {
        var correction = await reader.DocumentOfAsync(id, cancellationToken);
        if (correction is null)
        {
            return NotFoundLogged(id);
        }

        var content = store.OpenRead(correction.DocumentStoredName!);
        if (content is null)
        {
            return NotFound();
        }

        trail.Record("correction.document.open", CorrectionActions.SubjectType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), correction.ProvinceId);
        await db.SaveChangesAsync(cancellationToken);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(correction.DocumentName ?? "document");
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, correction.DocumentContentType!);
    }

    [HttpPost("{id:long}/propose")]
    public async Task<IActionResult> Propose(long id, [FromForm] CorrectionProposalInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.ProposeAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/approve")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public async Task<IActionResult> Approve(long id, [FromForm] CorrectionApproveInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.ApproveAsync(id, input, cancellationToken), cancellationToken);

    [HttpPost("{id:long}/return")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public async Task<IActionResult> Return(long id, [FromForm] CorrectionReturnInput input, CancellationToken cancellationToken) =>
        await RespondAsync(id, input, await actions.SendBackAsync(id, input, cancellationToken), cancellationToken);

    private async Task<IActionResult> RespondAsync(long id, CaseActionInput input, CaseActionOutcome outcome, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // binding messages are English; a bad Version is a conflict, found by the service
        switch (outcome.Kind)
        {
            case CaseActionOutcome.Kinds.Done:
                logger.Acted(scope.UserId, outcome.Done!, id);
                return Redirect("/admin/corrections/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "?done=" + outcome.Done);
            case CaseActionOutcome.Kinds.NotFound:
                return NotFoundLogged(id);
            case CaseActionOutcome.Kinds.Invalid:
                ModelState.AddErrors(outcome.Validation!);
                return await PageAsync(id, input, null, StatusCodes.Status200OK, cancellationToken);
            case CaseActionOutcome.Kinds.Conflict:
                logger.Conflict(scope.UserId, input.GetType().Name, id);
                ModelState.AddModelError(string.Empty, CorrectionActions.ConflictMessage);
                return await PageAsync(id, input, null, StatusCodes.Status409Conflict, cancellationToken);
            default:
                logger.ActionRefused(scope.UserId, input.GetType().Name, id, outcome.StatusCode);
                ModelState.AddModelError(outcome.Field, outcome.Message!);
                return await PageAsync(id, input, null, outcome.StatusCode, cancellationToken);
        }
    }

    private async Task<IActionResult> PageAsync(long id, CaseActionInput? input, string? notice, int statusCode, CancellationToken cancellationToken)
    {
        var @case = await reader.ReadAsync(id, cancellationToken);
        if (@case is null)
        {
            return NotFoundLogged(id);
        }

        var correction = @case.Correction;
        var proposal = input as CorrectionProposalInput ?? new CorrectionProposalInput
        {
            Value = CorrectionValues.ForForm(correction.Field, correction.ProposedValue ?? correction.RequestedValue),
        };
        var approve = input as CorrectionApproveInput ?? new CorrectionApproveInput();
        var sendBack = input as CorrectionReturnInput ?? new CorrectionReturnInput();
        foreach (var form in (CaseActionInput[])[proposal, approve, sendBack])
        {
            form.Version = correction.Version; // the page as it is now: a conflict's form is posted against the new state
        }

        var isOwn = correction.Status == CorrectionStatus.Proposed && !correction.CanBeDecidedBy(scope.UserId!);
        Response.StatusCode = statusCode;
        return View("Case", new CorrectionCasePage(
            @case, proposal, approve, sendBack, notice,
            CanPropose: correction.Status == CorrectionStatus.Open,
            CanDecide: correction.Status == CorrectionStatus.Proposed && CorrectionActions.IsChecker(scope) && !isOwn,
            IsOwnProposal: isOwn));
    }

    private NotFoundResult NotFoundLogged(long id)
    {
        logger.NotInScope(scope.UserId, id);
        return NotFound();
    }
}

public sealed record CorrectionCasePage(
    CorrectionCase Case, CorrectionProposalInput Proposal, CorrectionApproveInput Approve, CorrectionReturnInput Return, string? Done,
    bool CanPropose, bool CanDecide, bool IsOwnProposal)
{
    public static string? Notice(string? done) => done switch
    {
        "proposed" => "پیشنهاد ثبت شد و در انتظار تأیید مدیر استان است.",
        "approved" => "تأیید شد. نتیجه با پیامک به دارنده گفته می‌شود.",
        "returned" => "پیشنهاد با یادداشت شما به کارشناسان برگشت.",
        _ => null,
    };
}
