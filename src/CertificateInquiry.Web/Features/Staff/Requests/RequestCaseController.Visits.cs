using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The case page's visit actions: schedule an in-person visit or practical exam, move it, cancel it, record that the
/// applicant did not come, record that it was held. Each is a move of the state machine through <see cref="ActAsync"/>
/// (scope, version, one transaction), notified to the applicant and audited; the dates follow <see cref="AppointmentRules"/>.
/// </summary>
public sealed partial class RequestCaseController
{
    [HttpPost("{id:long}/schedule-visit")]
    public Task<IActionResult> ScheduleVisit(long id, [FromForm] VisitInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => WhileNoAnswerIsPending(request, () => Move(request, "request.visit.schedule", "visit-scheduled", () =>
        {
            var atLocal = input.AtLocal();
            var kind = Enum.Parse<VisitKind>(input.VisitKind!);
            return request.ScheduleVisit(kind, atLocal, input.VisitPlace!, UserId, UserName, Now,
                serviceLevels.Value.DueOn(RequestStatus.AwaitingVisit, Today, atLocal)!.Value, note: null);
        })), cancellationToken);

    [HttpPost("{id:long}/reschedule-visit")]
    public Task<IActionResult> RescheduleVisit(long id, [FromForm] RescheduleVisitInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => WhileNoAnswerIsPending(request, () => Move(request, "request.visit.reschedule", "visit-rescheduled", () =>
        {
            var atLocal = input.AtLocal();
            return request.RescheduleVisit(atLocal, input.VisitPlace!, UserId, UserName, Now,
                serviceLevels.Value.DueOn(RequestStatus.AwaitingVisit, Today, atLocal)!.Value, input.RescheduleNote);
        })), cancellationToken);

    [HttpPost("{id:long}/cancel-visit")]
    public Task<IActionResult> CancelVisit(long id, [FromForm] CancelVisitInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => Move(request, "request.visit.cancel", "visit-cancelled", () =>
            request.CancelVisit(input.CancelReason!, UserId, UserName, Now, serviceLevels.Value.DueOn(RequestStatus.UnderReview, Today))), cancellationToken);

    /// <summary>
    /// The applicant did not come: recorded only once the appointment's time has passed; the request goes back to review
    /// (staff set a new time, ask for documents, or propose an answer) and the applicant is told with the note.
    /// </summary>
    [HttpPost("{id:long}/no-show")]
    public Task<IActionResult> RecordNoShow(long id, [FromForm] NoShowInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request =>
        {
            var nowLocal = IranTime.ToIranTime(Now);
            if (request.Status == RequestStatus.AwaitingVisit && !request.VisitTimeHasCome(nowLocal))
            {
                return Task.FromResult(CaseActionOutcome.Refuse("زمان مراجعه هنوز نرسیده است؛ نیامدن متقاضی را پس از زمان تعیین‌شده ثبت کنید."));
            }

            return Move(request, "request.visit.no-show", "no-show-recorded", () =>
                request.RecordNoShow(nowLocal, input.NoShowNote ?? NoShowInput.DefaultNote, UserId, UserName, Now,
                    serviceLevels.Value.DueOn(RequestStatus.UnderReview, Today)));
        }, cancellationToken);

    [HttpPost("{id:long}/visit-held")]
    public Task<IActionResult> VisitHeld(long id, [FromForm] VisitHeldInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => Move(request, "request.visit.held", "visit-held", () =>
            request.MoveTo(RequestStatus.UnderReview, UserId, UserName, Now, serviceLevels.Value.DueOn(RequestStatus.UnderReview, Today),
                input.VisitHeldNote ?? (request.VisitKind is { } kind ? RequestStatusText.Title(kind) + " انجام شد." : null))), cancellationToken);
}
