using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The case actions other than the answer (which is <see cref="AnswerApproval"/>'s): assign, start the review, ask for
/// documents, write a note or a message, and the visit's moves (schedule, move, cancel, no-show, held). Each runs
/// through <see cref="CaseActionRunner"/> (scope, version, one transaction), changes the request through the domain's
/// own methods, and records the applicant's notification and the staff audit entry.
/// </summary>
public sealed class RequestCaseActions(
    AppDbContext db,
    CaseActionRunner runner,
    RequestCaseReader reader,
    AnswerApproval approval,
    StaffAuditTrail trail,
    Notifier notifier,
    IOptions<RequestServiceLevels> serviceLevels)
{
    private const string SubjectType = "Request";

    private string UserId => runner.UserId;

    private string UserName => runner.UserName;

    private DateTime Now => runner.Now;

    private DateOnly Today => runner.Today;

    private RequestServiceLevels ServiceLevels => serviceLevels.Value;

    public Task<CaseActionOutcome> AssignAsync(long id, AssignInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, async request =>
        {
            if (request.Status == RequestStatus.Answered)
            {
                return CaseActionOutcome.Refuse("به این درخواست پاسخ داده شده است و سپردن آن به کسی معنایی ندارد.");
            }

            string? assignee;
            string details;
            switch (input.AssignTo)
            {
                case AssignInput.Me:
                    (assignee, details) = (UserId, "به خود سپرد");
                    break;
                case AssignInput.Nobody:
                    (assignee, details) = (null, "از مسئول پس گرفته شد");
                    break;
                default:
                    var colleague = (await reader.ColleaguesAsync(request.ProvinceId, cancellationToken)).FirstOrDefault(c => c.Id == input.AssignTo);
                    if (colleague is null)
                    {
                        return CaseActionOutcome.Refuse("این همکار در استان این درخواست کار نمی‌کند.", nameof(input.AssignTo), StatusCodes.Status400BadRequest);
                    }

                    (assignee, details) = (colleague.Id, "به «" + colleague.Name + "» سپرده شد");
                    break;
            }

            request.AssignTo(assignee, Now);
            trail.Record("request.assign", SubjectType, Id(request.Id), request.ProvinceId, details: details);
            return CaseActionOutcome.Success("assigned");
        }, cancellationToken);

    public Task<CaseActionOutcome> StartReviewAsync(long id, StartReviewInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => Move(request, "request.review.start", "review-started", () =>
        {
            var transition = request.MoveTo(RequestStatus.UnderReview, UserId, UserName, Now, ServiceLevels.DueOn(RequestStatus.UnderReview, Today));

            // Whoever starts the review works on it, unless someone already does.
            request.AssignedToUserId ??= UserId;
            return transition;
        }), cancellationToken);

    public Task<CaseActionOutcome> AskForDocumentsAsync(long id, MoreDocumentsInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => WhileNoAnswerIsPending(request, cancellationToken, () => Move(request, "request.documents.ask", "documents-asked", () =>
            request.MoveTo(RequestStatus.NeedsMoreDocuments, UserId, UserName, Now,
                ServiceLevels.DueOn(RequestStatus.NeedsMoreDocuments, Today), input.DocumentsMessage))), cancellationToken);

    /// <summary>
    /// The holder's details from the paper archive, for a request opened from an agency's paper letter (ADR-027): what
    /// digitizing a paper certificate needs and a paper list does not give. Only under review, before an answer is proposed.
    /// </summary>
    public Task<CaseActionOutcome> RecordHolderAsync(long id, HolderInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => WhileNoAnswerIsPending(request, cancellationToken, () =>
        {
            if (request.PaperLetterId is null || request.Status != RequestStatus.UnderReview)
            {
                return Task.FromResult(CaseActionOutcome.Refuse("مشخصات دارنده را فقط برای درخواست نامه‌های کاغذی و در حال بررسی می‌توان ثبت کرد."));
            }

            request.FirstName = input.HolderFirstName;
            request.LastName = input.HolderLastName;
            request.FatherName = input.HolderFatherName;
            request.BirthDate = input.ParsedBirthDate;
            request.Gender = input.ParsedGender;
            request.MarkChanged(Now);
            trail.Record("request.holder.record", SubjectType, Id(request.Id), request.ProvinceId,
                details: "مشخصات دارنده از بایگانی: " + input.HolderFirstName + " " + input.HolderLastName);
            return Task.FromResult(CaseActionOutcome.Success("holder-recorded"));
        }), cancellationToken);

    /// <summary>An internal note: only staff ever see it.</summary>
    public Task<CaseActionOutcome> AddNoteAsync(long id, NoteInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => Task.FromResult(AddMessage(request, input.NoteText!, isInternal: true)), cancellationToken);

    /// <summary>A message the applicant reads on the tracking page.</summary>
    public Task<CaseActionOutcome> SendMessageAsync(long id, MessageInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => Task.FromResult(AddMessage(request, input.MessageText!, isInternal: false)), cancellationToken);

    /// <summary>An in-person visit or practical exam, at a time and place the dates of <see cref="AppointmentRules"/> allow.</summary>
    public Task<CaseActionOutcome> ScheduleVisitAsync(long id, VisitInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => WhileNoAnswerIsPending(request, cancellationToken, () => Move(request, "request.visit.schedule", "visit-scheduled", () =>
        {
            var atLocal = input.AtLocal();
            var kind = Enum.Parse<VisitKind>(input.VisitKind!);
            return request.ScheduleVisit(kind, atLocal, input.VisitPlace!, UserId, UserName, Now,
                ServiceLevels.DueOn(RequestStatus.AwaitingVisit, Today, atLocal)!.Value, note: null);
        })), cancellationToken);

    public Task<CaseActionOutcome> RescheduleVisitAsync(long id, RescheduleVisitInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => WhileNoAnswerIsPending(request, cancellationToken, () => Move(request, "request.visit.reschedule", "visit-rescheduled", () =>
        {
            var atLocal = input.AtLocal();
            return request.RescheduleVisit(atLocal, input.VisitPlace!, UserId, UserName, Now,
                ServiceLevels.DueOn(RequestStatus.AwaitingVisit, Today, atLocal)!.Value, input.RescheduleNote);
        })), cancellationToken);

    public Task<CaseActionOutcome> CancelVisitAsync(long id, CancelVisitInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => Move(request, "request.visit.cancel", "visit-cancelled", () =>
            request.CancelVisit(input.CancelReason!, UserId, UserName, Now, ServiceLevels.DueOn(RequestStatus.UnderReview, Today))), cancellationToken);

    /// <summary>
    /// The applicant did not come: recorded only once the appointment's time has passed; the request goes back to review
    /// (staff set a new time, ask for documents, or propose an answer) and the applicant is told with the note.
    /// </summary>
    public Task<CaseActionOutcome> RecordNoShowAsync(long id, NoShowInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request =>
        {
            var nowLocal = IranTime.ToIranTime(Now);
            if (request.Status == RequestStatus.AwaitingVisit && !request.VisitTimeHasCome(nowLocal))
            {
                return Task.FromResult(CaseActionOutcome.Refuse("زمان مراجعه هنوز نرسیده است؛ نیامدن متقاضی را پس از زمان تعیین‌شده ثبت کنید."));
            }

            return Move(request, "request.visit.no-show", "no-show-recorded", () =>
                request.RecordNoShow(nowLocal, input.NoShowNote ?? NoShowInput.DefaultNote, UserId, UserName, Now,
                    ServiceLevels.DueOn(RequestStatus.UnderReview, Today)));
        }, cancellationToken);

    public Task<CaseActionOutcome> RecordVisitHeldAsync(long id, VisitHeldInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, request => Move(request, "request.visit.held", "visit-held", () =>
            request.MoveTo(RequestStatus.UnderReview, UserId, UserName, Now, ServiceLevels.DueOn(RequestStatus.UnderReview, Today),
                input.VisitHeldNote ?? (request.VisitKind is { } kind ? RequestStatusText.Title(kind) + " انجام شد." : null))), cancellationToken);

    /// <summary>A status move: refused when the state machine does not allow it; otherwise notified and audited.</summary>
    private Task<CaseActionOutcome> Move(InquiryRequest request, string auditAction, string done, Func<RequestTransition> move)
    {
        var from = request.Status;
        RequestTransition transition;
        try
        {
            transition = move();
        }
        catch (IllegalTransitionException)
        {
            return Task.FromResult(CaseActionOutcome.Refuse(
                "این کار در وضعیت کنونی درخواست («" + RequestStatusText.Title(from) + "») ممکن نیست."));
        }

        notifier.StatusChanged(request, transition);
        trail.Record(auditAction, SubjectType, Id(request.Id), request.ProvinceId, from.ToString(), transition.To.ToString(),
            RequestStatusText.Title(from) + " ← " + RequestStatusText.Title(transition.To));
        return Task.FromResult(CaseActionOutcome.Success(done));
    }

    // While a manager has an answer to decide, the request must not move under them.
    private async Task<CaseActionOutcome> WhileNoAnswerIsPending(InquiryRequest request, CancellationToken cancellationToken, Func<Task<CaseActionOutcome>> action) =>
        await approval.IsPendingAsync(request.Id, cancellationToken)
            ? CaseActionOutcome.Refuse("پاسخی برای این درخواست در انتظار تأیید مدیر است؛ تا تصمیم مدیر، وضعیت آن تغییر نمی‌کند.")
            : await action();

    private CaseActionOutcome AddMessage(InquiryRequest request, string text, bool isInternal)
    {
        db.RequestMessages.Add(new RequestMessage
        {
            RequestId = request.Id,
            AtUtc = Now,
            Author = UserId,
            AuthorName = UserName,
            Text = text,
            IsInternal = isInternal,
        });
        request.MarkChanged(Now);

        // The text stays in the request; the trail says only that something was written.
        trail.Record(isInternal ? "request.note.add" : "request.message.add", SubjectType, Id(request.Id), request.ProvinceId,
            details: isInternal ? "یادداشت داخلی افزوده شد" : "پیام برای متقاضی فرستاده شد");
        return CaseActionOutcome.Success(isInternal ? "note-added" : "message-sent");
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
