using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Features.Staff.PaperLetters;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The answer, maker–checker (ADR-010): one member of staff proposes it (<see cref="ProposeAsync"/>), a manager of the
/// province or a national admin, never the proposer, approves it (<see cref="ApproveAsync"/>: the answer is issued,
/// with the digitized certificate and the answer letter, or for a row of an agency's paper letter the row's finding) or returns it with a note (<see cref="ReturnAsync"/>). Each
/// runs through <see cref="CaseActionRunner"/>: scope, version, one transaction.
/// </summary>
public sealed class AnswerApproval(
    AppDbContext db,
    CaseActionRunner runner,
    StaffScope scope,
    CertificateDigitizing digitizing,
    StaffAuditTrail trail,
    Notifier notifier,
    AnswerLetters answerLetters,
    PaperLetterAnswers paperLetterAnswers,
    ILogger<AnswerApproval> logger)
{
    public const string SelfApprovalMessage =
        "پاسخی را که خودتان پیشنهاد داده‌اید نمی‌توانید تأیید یا برگشت دهید؛ مدیر دیگری از استان باید آن را بررسی کند.";

    private const string SubjectType = "Request";

    private string UserId => runner.UserId;

    private string UserName => runner.UserName;

    private DateTime Now => runner.Now;

    /// <summary>Who may approve or return a proposed answer: a provincial manager (of the request's province, by scope) or a national admin.</summary>
    public static bool IsChecker(StaffScope scope) =>
        scope.IsNationalAdmin || (scope.IsStaff && scope.User.IsInRole(StaffRoles.ProvincialManager));

    /// <summary>Whether an answer for the request waits for a manager (while it does, the request does not move).</summary>
    public Task<bool> IsPendingAsync(long requestId, CancellationToken cancellationToken) =>
        db.AnswerProposals.AnyAsync(p => p.RequestId == requestId && p.Decision == null, cancellationToken);

    /// <summary>The maker's half: an answer waits for a manager of the province; the applicant sees nothing yet.</summary>
    public Task<CaseActionOutcome> ProposeAsync(long id, ProposalInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, async request =>
        {
            if (request.Status != RequestStatus.UnderReview)
            {
                return CaseActionOutcome.Refuse(
                    "پاسخ را فقط برای درخواستی که در حال بررسی است می‌توان پیشنهاد داد؛ این درخواست «" + RequestStatusText.Title(request.Status) + "» است.");
            }

            if (await IsPendingAsync(request.Id, cancellationToken))
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
                    return CaseActionOutcome.Refuse("این گواهینامه به نام متقاضی (کد ملی یا کد یکتای اتباع او) نیست.", nameof(input.ExistingNumber), StatusCodes.Status400BadRequest);
                }

                proposal.LinkedCertificateId = certificate.Id;
            }
            else if (input.DigitizesNew)
            {
                if (await digitizing.RefusalOfProposalAsync(request, input, cancellationToken) is { } refusal)
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
    /// A confirmed paper certificate becomes a certificate row here (<see cref="CertificateDigitizing"/>), found by the
    /// online lookup from then on; the answer letter is issued in the same transaction.
    /// </summary>
    public Task<CaseActionOutcome> ApproveAsync(long id, long proposalId, ApproveInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, async request =>
        {
            var (proposal, refusal) = await PendingProposalAsync(request, proposalId, cancellationToken);
            if (proposal is null)
            {
                return refusal!;
            }

            long? certificateId = proposal.LinkedCertificateId;
            if (proposal.DigitizesPaperCertificate)
            {
                var digitized = await digitizing.DigitizeAsync(request, proposal, cancellationToken);
                if (digitized.Refusal is not null)
                {
                    return digitized.Refusal;
                }

                certificateId = digitized.CertificateId;
            }

            proposal.Approve(UserId, UserName, Now, input.ApprovalNote);
            var transition = request.Answer(proposal.Outcome, proposal.Reason, certificateId, UserId, UserName, Now);
            notifier.StatusChanged(request, transition);
            if (request.PaperLetterId is null)
            {
                var signer = await db.Users.SingleAsync(user => user.Id == UserId, cancellationToken);
                await answerLetters.IssueAsync(request, signer, cancellationToken); // in this action's transaction: a rollback gives the number back
            }
            else
            {
                // A row of an agency's paper letter: its finding goes into the letter's one answer letter (ADR-027).
                await paperLetterAnswers.RecordAsync(request, cancellationToken);
            }
            trail.Record("request.answer.approve", SubjectType, Id(request.Id), request.ProvinceId,
                nameof(RequestStatus.UnderReview), nameof(RequestStatus.Answered), ProposalSummary(proposal, existingNumber: null));
            return CaseActionOutcome.Success("approved");
        }, cancellationToken);

    /// <summary>The checker sends the proposal back with a note; the request stays under review for a new proposal.</summary>
    public Task<CaseActionOutcome> ReturnAsync(long id, long proposalId, ReturnInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(id, input, async request =>
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

    /// <summary>The proposal the checker decides: still pending, on a request under review, and not their own.</summary>
    private async Task<(AnswerProposal? Proposal, CaseActionOutcome? Refusal)> PendingProposalAsync(InquiryRequest request, long proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.AnswerProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.RequestId == request.Id, cancellationToken);
        if (proposal is null || !proposal.IsPending || request.Status != RequestStatus.UnderReview)
        {
            return (null, CaseActionOutcome.Refuse("این پاسخ پیشنهادی دیگر در انتظار تأیید نیست."));
        }

        if (!IsChecker(scope))
        {
            return (null, CaseActionOutcome.Refuse("فقط مدیر استان پاسخ پیشنهادی را تأیید یا برگشت می‌دهد.", statusCode: StatusCodes.Status403Forbidden));
        }

        if (!proposal.CanBeDecidedBy(UserId))
        {
            logger.LogWarning("Staff user {UserId} tried to decide their own proposed answer {ProposalId} on request {RequestId}", UserId, proposalId, request.Id);
            return (null, CaseActionOutcome.Refuse(SelfApprovalMessage, statusCode: StatusCodes.Status403Forbidden));
        }

        return (proposal, null);
    }

    private static string ProposalSummary(AnswerProposal proposal, string? existingNumber)
    {
        var summary = "پاسخ: " + RequestStatusText.Title(proposal.Outcome);
        var number = proposal.CertificateNumber ?? existingNumber;
        return number is null ? summary : summary + "، گواهینامه " + number + (proposal.DigitizesPaperCertificate ? " (از بایگانی کاغذی)" : " (ثبت‌شده)");
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
