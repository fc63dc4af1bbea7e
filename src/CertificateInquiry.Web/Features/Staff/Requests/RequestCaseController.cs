using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// One request in the back-office: the case page, its documents, and every action staff take on it. Each action
/// loads the request through <see cref="StaffScope"/> (another province's request is a 404, logged), checks the
/// version the form was rendered with, changes the request through the domain's own methods, records the staff audit
/// entry and the applicant's notification, and saves all of it in one transaction whose UPDATE carries the version as
/// the concurrency token.
/// </summary>
[Route("admin/requests")]
public sealed partial class RequestCaseController(
    AppDbContext db,
    StaffScope scope,
    RequestCaseReader reader,
    StaffAuditTrail trail,
    Notifier notifier,
    AnswerLetters answerLetters,
    TimeProvider clock,
    IOptions<RequestServiceLevels> serviceLevels,
    OfficialHolidays holidays,
    ILogger<RequestCaseController> logger) : StaffController
{
    private const string SubjectType = "Request";

    private string UserId => scope.UserId!;

    private string UserName => User.FindFirstValue(StaffClaimTypes.FullName) is { Length: > 0 } name ? name : User.Identity?.Name ?? UserId;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => IranTime.Today(clock);

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Case(long id, string? done, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, input: null, conflict: false, RequestCaseActions.NoticeFor(done), cancellationToken);
        return page is null ? NotFoundLogged(id) : View(page);
    }

    /// <summary>
    /// The document viewer: a page of the portal around one document (an image shown at page width, a PDF offered to
    /// open or download), styled by the portal's stylesheet, so it works under the portal's content security policy.
    /// Opening a raw image in a tab instead leaves it to the browser's own image page, whose inline styles that policy
    /// blocks. The bytes themselves still come only through <see cref="Document"/>, which audits each opening.
    /// </summary>
    [HttpGet("{id:long}/documents/{documentId:long}/view")]
    public async Task<IActionResult> DocumentViewer(long id, long documentId, CancellationToken cancellationToken)
    {
        var found = await db.RequestDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.RequestId == id)
            .Join(scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId).Where(r => r.Status != RequestStatus.Draft),
                d => d.RequestId, r => r.Id,
                (d, r) => new { d.Id, d.Kind, d.OriginalName, d.ContentType, d.Length, d.UploadedAtUtc, d.UploadedInStatus, r.TrackingCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFoundLogged(id, documentId);
        }

        return View(new DocumentViewerPage(
            id,
            found.TrackingCode,
            new CaseDocument(found.Id, found.Kind, found.OriginalName, found.ContentType, found.Length, found.UploadedAtUtc, found.UploadedInStatus)));
    }

    /// <summary>
    /// An uploaded document, inline (images and PDF open in the browser) or as a download. The bytes come only
    /// through here, after the request was found in the user's scope; every opening is in the staff audit trail.
    /// </summary>
    [HttpGet("{id:long}/documents/{documentId:long}")]
    public async Task<IActionResult> Document(long id, long documentId, bool download, [FromServices] DocumentStore store, CancellationToken cancellationToken)
    {
        var found = await db.RequestDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.RequestId == id)
            .Join(scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId).Where(r => r.Status != RequestStatus.Draft),
                d => d.RequestId, r => r.Id, (d, r) => new { d.StoredName, d.ContentType, d.OriginalName, d.Kind, r.ProvinceId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFoundLogged(id, documentId);
        }

        var content = store.OpenRead(found.StoredName);
        if (content is null)
        {
            logger.LogError("Document {DocumentId} of request {RequestId} is missing from the document store", documentId, id);
            return NotFound();
        }

        trail.Record(download ? "request.document.download" : "request.document.view", SubjectType, Id(id), found.ProvinceId,
            details: DocumentKindText.Title(found.Kind) + " (مدرک " + PersianText.ToPersianDigits(documentId) + ")");
        await db.SaveChangesAsync(cancellationToken);

        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(found.OriginalName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, found.ContentType, enableRangeProcessing: true);
    }

    [HttpPost("{id:long}/assign")]
    public Task<IActionResult> Assign(long id, [FromForm] AssignInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, async request =>
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

    [HttpPost("{id:long}/start-review")]
    public Task<IActionResult> StartReview(long id, [FromForm] StartReviewInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => Move(request, "request.review.start", "review-started", () =>
        {
            var transition = request.MoveTo(RequestStatus.UnderReview, UserId, UserName, Now, serviceLevels.Value.DueOn(RequestStatus.UnderReview, Today));

            // Whoever starts the review works on it, unless someone already does.
            request.AssignedToUserId ??= UserId;
            return transition;
        }), cancellationToken);

    [HttpPost("{id:long}/ask-documents")]
    public Task<IActionResult> AskForDocuments(long id, [FromForm] MoreDocumentsInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => WhileNoAnswerIsPending(request, () => Move(request, "request.documents.ask", "documents-asked", () =>
            request.MoveTo(RequestStatus.NeedsMoreDocuments, UserId, UserName, Now,
                serviceLevels.Value.DueOn(RequestStatus.NeedsMoreDocuments, Today), input.DocumentsMessage))), cancellationToken);

    [HttpPost("{id:long}/notes")]
    public Task<IActionResult> AddNote(long id, [FromForm] NoteInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => Task.FromResult(AddMessage(request, input.NoteText!, isInternal: true)), cancellationToken);

    [HttpPost("{id:long}/messages")]
    public Task<IActionResult> SendMessage(long id, [FromForm] MessageInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, request => Task.FromResult(AddMessage(request, input.MessageText!, isInternal: false)), cancellationToken);

    /// <summary>The maker's half: an answer waits for a manager of the province; the applicant sees nothing yet.</summary>
    [HttpPost("{id:long}/proposals")]
    public Task<IActionResult> Propose(long id, [FromForm] ProposalInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, async request =>
        {
            if (request.Status != RequestStatus.UnderReview)
            {
                return CaseActionOutcome.Refuse(
                    "پاسخ را فقط برای درخواستی که در حال بررسی است می‌توان پیشنهاد داد؛ این درخواست «" + RequestStatusText.Title(request.Status) + "» است.");
            }

            if (await HasPendingProposalAsync(request.Id, cancellationToken))
            {
                return CaseActionOutcome.Refuse("پاسخ دیگری برای این درخواست در انتظار تأیید مدیر است.");
            }

            var proposal = new AnswerProposal
            {
                RequestId = request.Id,
                Outcome = input.ParsedOutcome!.Value,
                Reason = input.Reason,
                ProposedByUserId = UserId,
                ProposedByName = UserName,
                ProposedAtUtc = Now,
            };

            if (input.LinksExisting)
            {
                var certificate = await db.Certificates.AsNoTracking()
                    .Where(c => c.Number == input.ExistingNumber)
                    .Select(c => new { c.Id, c.Person!.NationalCode })
                    .SingleOrDefaultAsync(cancellationToken);
                if (certificate is null)
                {
                    return CaseActionOutcome.Refuse("گواهینامه‌ای با این شماره در سامانه نیست.", nameof(input.ExistingNumber), StatusCodes.Status400BadRequest);
                }

                if (certificate.NationalCode != request.NationalCode)
                {
                    return CaseActionOutcome.Refuse("این گواهینامه به نام متقاضی (کد ملی او) نیست.", nameof(input.ExistingNumber), StatusCodes.Status400BadRequest);
                }

                proposal.LinkedCertificateId = certificate.Id;
            }
            else if (input.DigitizesNew)
            {
                if (await DigitizingRefusalAsync(request, input, cancellationToken) is { } refusal)
                {
                    return refusal;
                }

                proposal.CertificateNumber = input.CertificateNumber;
                proposal.CertificateKind = input.ParsedKind;
                proposal.StandardId = input.ParsedStandardId;
                proposal.ExamDate = ProposalInput.ParseDate(input.ExamDate);
                proposal.IssueDate = ProposalInput.ParseDate(input.IssueDate);
                proposal.ExpiryDate = ProposalInput.ParseDate(input.ExpiryDate);
                proposal.TrainingCenter = input.TrainingCenter;
                proposal.Program = input.ParsedProgram;
            }

            db.AnswerProposals.Add(proposal);
            request.MarkChanged(Now);
            trail.Record("request.answer.propose", SubjectType, Id(request.Id), request.ProvinceId, details: ProposalSummary(proposal, input.ExistingNumber));
            return CaseActionOutcome.Success("proposed");
        }, cancellationToken);

    /// <summary>
    /// The checker's half: a manager of the province (or a national admin), never the proposer, issues the answer.
    /// A confirmed paper certificate becomes a certificate row here, found by the online lookup from then on.
    /// </summary>
    [HttpPost("{id:long}/proposals/{proposalId:long}/approve")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public Task<IActionResult> Approve(long id, long proposalId, [FromForm] ApproveInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, async request =>
        {
            var (proposal, refusal) = await PendingProposalAsync(request, proposalId, cancellationToken);
            if (proposal is null)
            {
                return refusal!;
            }

            long? certificateId = proposal.LinkedCertificateId;
            if (proposal.DigitizesPaperCertificate)
            {
                if (await db.Certificates.AnyAsync(c => c.Number == proposal.CertificateNumber, cancellationToken))
                {
                    return CaseActionOutcome.Refuse(
                        "از زمان پیشنهاد، گواهینامه دیگری با شماره " + proposal.CertificateNumber + " در سامانه ثبت شده است؛ پاسخ را برگردانید تا بررسی شود.");
                }

                var certificate = await DigitizeAsync(request, proposal, cancellationToken);
                db.Certificates.Add(certificate);

                // The certificate's id is needed for the answer; this save is inside the action's transaction, so it is
                // undone with everything else if the answer cannot be saved.
                await db.SaveChangesAsync(cancellationToken);
                certificateId = certificate.Id;
            }

            proposal.Approve(UserId, UserName, Now, input.ApprovalNote);
            var transition = request.Answer(proposal.Outcome, proposal.Reason, certificateId, UserId, UserName, Now);
            notifier.StatusChanged(request, transition);
            var signer = await db.Users.SingleAsync(user => user.Id == UserId, cancellationToken);
            await answerLetters.IssueAsync(request, signer, cancellationToken); // in this action's transaction: a rollback gives the number back
            trail.Record("request.answer.approve", SubjectType, Id(request.Id), request.ProvinceId,
                nameof(RequestStatus.UnderReview), nameof(RequestStatus.Answered), ProposalSummary(proposal, existingNumber: null));
            return CaseActionOutcome.Success("approved");
        }, cancellationToken);

    [HttpPost("{id:long}/proposals/{proposalId:long}/return")]
    [Authorize(Policy = StaffPolicies.Managers)]
    public Task<IActionResult> Return(long id, long proposalId, [FromForm] ReturnInput input, CancellationToken cancellationToken) =>
        ActAsync(id, input, async request =>
        {
            var (proposal, refusal) = await PendingProposalAsync(request, proposalId, cancellationToken);
            if (proposal is null)
            {
                return refusal!;
            }

            proposal.Return(UserId, UserName, Now, input.ReturnNote!);
            request.MarkChanged(Now);
            trail.Record("request.answer.return", SubjectType, Id(request.Id), request.ProvinceId,
                details: "پاسخ پیشنهادی «" + RequestStatusText.Title(proposal.Outcome) + "» برگردانده شد");
            return CaseActionOutcome.Success("returned");
        }, cancellationToken);

    /// <summary>
    /// The frame of every action: validate, load within scope, compare versions, act, save in one transaction with the
    /// version as the original value of the concurrency token. Runs under the provider's execution strategy (SQL
    /// Server retries transient failures), so it starts from a clean context each time.
    /// </summary>
    private async Task<IActionResult> ActAsync<TInput>(long id, TInput input, Func<InquiryRequest, Task<CaseActionOutcome>> act, CancellationToken cancellationToken)
        where TInput : CaseActionInput
    {
        input.Normalize();
        ModelState.Clear(); // binding messages are English and technical; a bad Version is a conflict, checked below
        var validation = await HttpContext.RequestServices.GetRequiredService<IValidator<TInput>>().ValidateAsync(input, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var request = await scope.Restrict(db.Requests, r => r.ProvinceId)
                .SingleOrDefaultAsync(r => r.Id == id && r.Status != RequestStatus.Draft, token);
            if (request is null)
            {
                return CaseActionOutcome.NotFound;
            }

            if (!validation.IsValid)
            {
                return CaseActionOutcome.Invalid;
            }

            if (request.Version != input.Version)
            {
                return CaseActionOutcome.Conflict;
            }

            db.Entry(request).Property(r => r.Version).OriginalValue = input.Version;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await act(request);
            if (result.Kind != CaseActionOutcome.Kinds.Done)
            {
                return result; // the transaction is rolled back as it is disposed
            }

            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateConcurrencyException)
            {
                return CaseActionOutcome.Conflict;
            }

            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);
        db.ChangeTracker.Clear();

        switch (outcome.Kind)
        {
            case CaseActionOutcome.Kinds.Done:
                logger.LogInformation("Staff user {UserId}: {Action} on request {RequestId}", UserId, outcome.Done, id);
                return Redirect("/admin/requests/" + Id(id) + "?done=" + outcome.Done);
            case CaseActionOutcome.Kinds.NotFound:
                return NotFoundLogged(id);
            case CaseActionOutcome.Kinds.Invalid:
                ModelState.AddErrors(validation);
                return await PageResultAsync(id, input, conflict: false, StatusCodes.Status200OK, cancellationToken);
            case CaseActionOutcome.Kinds.Conflict:
                logger.LogInformation("Staff user {UserId}: {Form} on request {RequestId} refused, the request changed meanwhile", UserId, typeof(TInput).Name, id);
                ModelState.AddModelError(string.Empty, RequestCaseActions.ConflictMessage);
                return await PageResultAsync(id, input, conflict: true, StatusCodes.Status409Conflict, cancellationToken);
            default:
                logger.LogInformation("Staff user {UserId}: {Form} on request {RequestId} refused: {StatusCode}", UserId, typeof(TInput).Name, id, outcome.StatusCode);
                ModelState.AddModelError(outcome.Field, outcome.Message!);
                return await PageResultAsync(id, input, conflict: false, outcome.StatusCode, cancellationToken);
        }
    }

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
    private async Task<CaseActionOutcome> WhileNoAnswerIsPending(InquiryRequest request, Func<Task<CaseActionOutcome>> action) =>
        await HasPendingProposalAsync(request.Id, HttpContext.RequestAborted)
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

    private Task<bool> HasPendingProposalAsync(long requestId, CancellationToken cancellationToken) =>
        db.AnswerProposals.AnyAsync(p => p.RequestId == requestId && p.Decision == null, cancellationToken);

    private async Task<(AnswerProposal? Proposal, CaseActionOutcome? Refusal)> PendingProposalAsync(InquiryRequest request, long proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.AnswerProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.RequestId == request.Id, cancellationToken);
        if (proposal is null || !proposal.IsPending || request.Status != RequestStatus.UnderReview)
        {
            return (null, CaseActionOutcome.Refuse("این پاسخ پیشنهادی دیگر در انتظار تأیید نیست."));
        }

        if (!RequestCaseActions.IsChecker(scope))
        {
            return (null, CaseActionOutcome.Refuse("فقط مدیر استان پاسخ پیشنهادی را تأیید یا برگشت می‌دهد.", statusCode: StatusCodes.Status403Forbidden));
        }

        if (!proposal.CanBeDecidedBy(UserId))
        {
            logger.LogWarning("Staff user {UserId} tried to decide their own proposed answer {ProposalId} on request {RequestId}", UserId, proposalId, request.Id);
            return (null, CaseActionOutcome.Refuse(RequestCaseActions.SelfApprovalMessage, statusCode: StatusCodes.Status403Forbidden));
        }

        return (proposal, null);
    }

    /// <summary>What the database must confirm before a paper certificate can be proposed: a free number, a real standard, a complete holder.</summary>
    private async Task<CaseActionOutcome?> DigitizingRefusalAsync(InquiryRequest request, ProposalInput input, CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(c => c.Number == input.CertificateNumber, cancellationToken))
        {
            return CaseActionOutcome.Refuse(
                "گواهینامه‌ای با این شماره پیش‌تر در سامانه ثبت شده است؛ اگر همان گواهینامه است، «ثبت‌شده در سامانه» را انتخاب کنید.",
                nameof(input.CertificateNumber), StatusCodes.Status400BadRequest);
        }

        if (!await db.TrainingStandards.AnyAsync(s => s.Id == input.ParsedStandardId, cancellationToken))
        {
            return CaseActionOutcome.Refuse("استاندارد آموزشی را از فهرست انتخاب کنید.", nameof(input.StandardId), StatusCodes.Status400BadRequest);
        }

        if (request is not { NationalCode: not null, FirstName: not null, LastName: not null, FatherName: not null, BirthDate: not null, Gender: not null, ProvinceId: not null })
        {
            return CaseActionOutcome.Refuse("مشخصات متقاضی (نام، نام پدر، تاریخ تولد یا جنسیت) کامل نیست؛ گواهینامه به نام او ثبت نمی‌شود.");
        }

        if (ProposalInput.ParseDate(input.ExamDate) <= request.BirthDate)
        {
            return CaseActionOutcome.Refuse("تاریخ آزمون باید پس از تاریخ تولد متقاضی باشد.", nameof(input.ExamDate), StatusCodes.Status400BadRequest);
        }

        return null;
    }

    /// <summary>The certificate a confirmed proposal describes, held by the applicant (their person upserted by national code).</summary>
    private async Task<Certificate> DigitizeAsync(InquiryRequest request, AnswerProposal proposal, CancellationToken cancellationToken)
    {
        var now = Now;
        var person = await db.People.SingleOrDefaultAsync(p => p.NationalCode == request.NationalCode, cancellationToken);
        if (person is null)
        {
            person = new Person { NationalCode = request.NationalCode!, FirstName = "", LastName = "", FatherName = "", CreatedAtUtc = now };
            db.People.Add(person);
        }

        // The applicant's own statement, checked by staff against the paper record, is the latest word on the holder.
        person.FirstName = request.FirstName!;
        person.LastName = request.LastName!;
        person.FatherName = request.FatherName!;
        person.BirthDate = request.BirthDate!.Value;
        person.Gender = request.Gender!.Value;
        person.UpdatedAtUtc = now;

        return new Certificate
        {
            Number = proposal.CertificateNumber!,
            Kind = proposal.CertificateKind!.Value,
            Person = person,
            StandardId = proposal.StandardId!.Value,
            ExamDate = proposal.ExamDate!.Value,
            IssueDate = proposal.IssueDate!.Value,
            ExpiryDate = proposal.CertificateKind == CertificateKind.License ? proposal.ExpiryDate : null,
            ProvinceId = request.ProvinceId!.Value,
            TrainingCenter = proposal.TrainingCenter!,
            Status = CertificateStatus.Valid,
            Program = proposal.Program!.Value,
            Source = RecordSource.DigitizedFromPaper,
            VerificationCode = VerificationCode.New(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
    }

    private static string ProposalSummary(AnswerProposal proposal, string? existingNumber)
    {
        var summary = "پاسخ: " + RequestStatusText.Title(proposal.Outcome);
        var number = proposal.CertificateNumber ?? existingNumber;
        return number is null ? summary : summary + "، گواهینامه " + number + (proposal.DigitizesPaperCertificate ? " (از بایگانی کاغذی)" : " (ثبت‌شده)");
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
        return new CasePage(@case, CaseAbilities.For(@case, scope, IranTime.ToIranTime(Now)), forms, notice, conflict, await reader.StandardsAsync(cancellationToken), input)
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
