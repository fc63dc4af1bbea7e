using System.Globalization;
using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Holders.Corrections;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Corrections;

/// <summary>
/// The back-office's half of a correction (ADR-034), maker–checker as the answers of requests (ADR-010): an expert (or
/// any member of staff of the province) proposes to correct, with the value, or to reject, with the reason
/// (<see cref="ProposeAsync"/>); a manager of the province or a national admin, never the proposer, approves
/// (<see cref="ApproveAsync"/>: the record changes, with its history rows, the audit entries and the SMS, in one
/// transaction) or sends it back (<see cref="SendBackAsync"/>). Each runs through <see cref="RunAsync"/>: scope,
/// version, one transaction whose UPDATE carries the version as the concurrency token.
/// </summary>
public sealed class CorrectionActions(
    AppDbContext db,
    StaffScope scope,
    StaffAuditTrail trail,
    CorrectionNotices notices,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<CorrectionActions> logger)
{
    public const string SubjectType = "Correction";
    public const string ProposeAction = "correction.propose";
    public const string ApproveAction = "correction.approve";
    public const string ReturnAction = "correction.return";
    public const string CorrectAction = "certificate.correct";

    public const string ConflictMessage =
        "این گزارش هم‌زمان توسط همکار دیگری تغییر کرده است. وضعیت کنونی آن را در همین صفحه ببینید؛ آنچه نوشته بودید در فرم مانده است و اگر هنوز لازم است، دوباره بفرستید.";

    public const string SelfApprovalMessage =
        "پیشنهادی را که خودتان داده‌اید نمی‌توانید تأیید یا برگشت دهید؛ مدیر دیگری از استان باید آن را بررسی کند.";

    private string UserId => scope.UserId!;

    private string UserName => scope.User.FindFirstValue(StaffClaimTypes.FullName) is { Length: > 0 } name ? name : scope.User.Identity?.Name ?? UserId;

    /// <summary>Who may approve or send back: a provincial manager (of the case's province, by scope) or a national admin.</summary>
    public static bool IsChecker(StaffScope scope) =>
        scope.IsNationalAdmin || (scope.IsStaff && scope.User.IsInRole(StaffRoles.ProvincialManager));

    public Task<CaseActionOutcome> ProposeAsync(long id, CorrectionProposalInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, async correction =>
        {
            if (correction.Status != CorrectionStatus.Open)
            {
                return CaseActionOutcome.Refuse("برای این گزارش پیشنهادی در انتظار تأیید است یا کار آن تمام شده است.");
            }

            var outcome = input.ParsedOutcome!.Value;
            string? value = null;
            if (outcome == CorrectionOutcome.Correct)
            {
                var (read, refusal) = await ReadValueAsync(correction, input.Value, cancellationToken);
                if (refusal is not null)
                {
                    return CaseActionOutcome.Refuse(refusal, nameof(input.Value), StatusCodes.Status400BadRequest);
                }

                value = read;
            }

            correction.Propose(outcome, value, input.Reason, UserId, UserName, Now);
            var titles = await HolderCorrections.StandardTitlesAsync(db, cancellationToken);
            trail.Record(ProposeAction, SubjectType, Id(correction.Id), correction.ProvinceId, nameof(CorrectionStatus.Open), nameof(CorrectionStatus.Proposed),
                outcome == CorrectionOutcome.Correct
                    ? "پیشنهاد اصلاح " + CorrectionValues.Title(correction.Field) + " به «" + CorrectionValues.Display(correction.Field, value, titles) + "»"
                    : "پیشنهاد رد: " + input.Reason);
            return CaseActionOutcome.Success("proposed");
        }, cancellationToken);

    public Task<CaseActionOutcome> ApproveAsync(long id, CorrectionApproveInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, async correction =>
        {
            if (CheckerRefusal(correction) is { } refusal)
            {
                return refusal;
            }

            var certificate = await db.Certificates.Include(c => c.Person).SingleAsync(c => c.Id == correction.CertificateId, cancellationToken);
            var titles = await HolderCorrections.StandardTitlesAsync(db, cancellationToken);
            var title = CorrectionValues.Title(correction.Field);
            string answer;
            if (correction.ProposedOutcome == CorrectionOutcome.Correct)
            {
                // Read again against the record as it is now: another correction may have changed it since the proposal.
                var (value, stale) = await ReadValueAsync(correction, CorrectionValues.ForForm(correction.Field, correction.ProposedValue), cancellationToken, certificate);
                if (stale is not null)
                {
                    return CaseActionOutcome.Refuse("پیشنهاد با گواهینامه کنونی جور نیست: " + stale + " آن را برگردانید تا کارشناس دوباره پیشنهاد دهد.");
                }

                if (!await ClaimAsync(certificate, CorrectionValues.IsName(correction.Field), cancellationToken))
                {
                    return CaseActionOutcome.Refuse(RecordChangedMessage);
                }

                var old = CorrectionValues.Current(correction.Field, certificate);
                var affected = CorrectionValues.IsName(correction.Field)
                    ? await db.Certificates.Where(c => c.PersonId == certificate.PersonId).Select(c => new { c.Id, c.ProvinceId }).ToListAsync(cancellationToken)
                    : [new { certificate.Id, certificate.ProvinceId }];
                CorrectionValues.Apply(correction.Field, value!, certificate, Now);
                foreach (var changed in affected)
                {
                    db.CertificateChanges.Add(new CertificateChange
                    {
                        CertificateId = changed.Id,
                        Field = correction.Field,
                        OldValue = old,
                        NewValue = value!,
                        AtUtc = Now,
                        ApprovedByUserId = UserId,
                        ApprovedByName = UserName,
                        CorrectionId = correction.Id,
                    });
                    trail.Record(CorrectAction, "Certificate", Id(changed.Id), changed.ProvinceId, details:
                        title + ": «" + CorrectionValues.Display(correction.Field, old, titles) + "» ← «" + CorrectionValues.Display(correction.Field, value, titles)
                        + "» (گزارش خطای " + PersianText.ToPersianDigits(Id(correction.Id)) + ")");
                }

                answer = title + " از «" + CorrectionValues.Display(correction.Field, old, titles) + "» به «" + CorrectionValues.Display(correction.Field, value, titles) + "» اصلاح شد.";
                logger.Applied(correction.Id, correction.Field.ToString(), affected.Count);
            }
            else
            {
                answer = "گزارش پذیرفته نشد: " + correction.ProposedReason;
            }

            correction.Approve(UserId, UserName, Now, input.ApprovalNote, answer);
            notices.Decided(correction, certificate.Number);
            trail.Record(ApproveAction, SubjectType, Id(correction.Id), correction.ProvinceId, nameof(CorrectionStatus.Proposed), correction.Status.ToString(), answer);
            return CaseActionOutcome.Success("approved");
        }, cancellationToken);

    public Task<CaseActionOutcome> SendBackAsync(long id, CorrectionReturnInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, correction =>
        {
            if (CheckerRefusal(correction) is { } refusal)
            {
                return Task.FromResult(refusal);
            }

            correction.SendBack(UserId, UserName, Now, input.ReturnNote!);
            trail.Record(ReturnAction, SubjectType, Id(correction.Id), correction.ProvinceId, nameof(CorrectionStatus.Proposed), nameof(CorrectionStatus.Open), input.ReturnNote);
            return Task.FromResult(CaseActionOutcome.Success("returned"));
        }, cancellationToken);

    public const string RecordChangedMessage =
        "گواهینامه هم‌زمان با تأیید شما تغییر کرد (شاید با اصلاح دیگری). صفحه را دوباره باز کنید و پیشنهاد را با گواهینامه کنونی بسنجید.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Claims the rows the correction writes, inside the transaction: a conditional UPDATE of the certificate (and, for a
    /// name, the person) that succeeds only while they are as this approval read them. Under READ COMMITTED (SQL Server)
    /// two approvals touching one record would otherwise both pass their checks on what they read; the second now finds
    /// the row changed (or waits for the first's lock and then finds it) and is refused, never a lost update. On SQLite
    /// the transaction already holds the write lock; the claim costs one UPDATE.
    /// </summary>
    private async Task<bool> ClaimAsync(Domain.Certificate certificate, bool person, CancellationToken cancellationToken)
    {
        var seen = certificate.UpdatedAtUtc;
        var now = Now;
        if (await db.Certificates.Where(c => c.Id == certificate.Id && c.UpdatedAtUtc == seen)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAtUtc, now), cancellationToken) == 0)
        {
            return false;
        }

        if (!person)
        {
            return true;
        }

        var seenPerson = certificate.Person!.UpdatedAtUtc;
        return await db.People.Where(p => p.Id == certificate.PersonId && p.UpdatedAtUtc == seenPerson)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.UpdatedAtUtc, now), cancellationToken) > 0;
    }

    /// <summary>The proposal may be decided by this user: one waits, they are a checker, and they did not make it.</summary>
    private CaseActionOutcome? CheckerRefusal(CertificateCorrection correction)
    {
        if (correction.Status != CorrectionStatus.Proposed)
        {
            return CaseActionOutcome.Refuse("پیشنهادی برای این گزارش در انتظار تأیید نیست.");
        }

        if (!IsChecker(scope))
        {
            return CaseActionOutcome.Refuse("فقط مدیر استان پیشنهاد را تأیید یا برگشت می‌دهد.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!correction.CanBeDecidedBy(UserId))
        {
            logger.SelfApproval(UserId, correction.Id);
            return CaseActionOutcome.Refuse(SelfApprovalMessage, statusCode: StatusCodes.Status403Forbidden);
        }

        return null;
    }

    private async Task<(string? Value, string? Refusal)> ReadValueAsync(
        CertificateCorrection correction, string? typed, CancellationToken cancellationToken, Domain.Certificate? certificate = null)
    {
        certificate ??= await db.Certificates.AsNoTracking().Include(c => c.Person).SingleAsync(c => c.Id == correction.CertificateId, cancellationToken);
        var standardIds = correction.Field == CorrectionField.Standard
            ? (await db.TrainingStandards.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        return CorrectionValues.Read(correction.Field, typed, certificate, IranTime.Today(clock), standardIds);
    }

    /// <summary>
    /// Validate, load within scope (another province's case is not found, before the input is judged), compare versions,
    /// act, save in one transaction with the version as the concurrency token's original value. Under the provider's
    /// execution strategy, from a clean context each time; an action that refuses leaves nothing behind.
    /// </summary>
    private async Task<CaseActionOutcome> RunAsync<TInput>(long id, TInput input, Func<CertificateCorrection, Task<CaseActionOutcome>> act, CancellationToken cancellationToken)
        where TInput : CaseActionInput
    {
        input.Normalize();
        var validation = await services.GetRequiredService<IValidator<TInput>>().ValidateAsync(input, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var correction = await scope.Restrict(db.CertificateCorrections, c => (int?)c.ProvinceId).SingleOrDefaultAsync(c => c.Id == id, token);
            if (correction is null)
            {
                return CaseActionOutcome.NotFound;
            }

            if (!validation.IsValid)
            {
                return CaseActionOutcome.Invalid(validation);
            }

            if (correction.Version != input.Version)
            {
                return CaseActionOutcome.Conflict;
            }

            db.Entry(correction).Property(c => c.Version).OriginalValue = input.Version;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await act(correction);
            if (result.Kind != CaseActionOutcome.Kinds.Done)
            {
                return result;
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
        return outcome;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
