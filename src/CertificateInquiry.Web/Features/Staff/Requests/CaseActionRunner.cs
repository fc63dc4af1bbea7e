using System.Security.Claims;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The frame of every action on a case, and who acts when. <see cref="RunAsync"/> normalizes and validates the input,
/// loads the request through <see cref="StaffScope"/> (another province's request is not found), compares the version
/// the form was rendered with, runs the action, and saves all of it in one transaction whose UPDATE carries the version
/// as the concurrency token. The use cases (<see cref="RequestCaseActions"/>, <see cref="AnswerApproval"/>) run through it.
/// </summary>
public sealed class CaseActionRunner(AppDbContext db, StaffScope scope, IServiceProvider services, TimeProvider clock)
{
    /// <summary>The signed-in member of staff who acts.</summary>
    public string UserId => scope.UserId!;

    /// <summary>Their name as the applicant's timeline and the proposals show it.</summary>
    public string UserName => scope.User.FindFirstValue(StaffClaimTypes.FullName) is { Length: > 0 } name ? name : scope.User.Identity?.Name ?? UserId;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Iran's today, the day service levels count from.</summary>
    public DateOnly Today => IranTime.Today(clock);

    /// <summary>
    /// Validate, load within scope, compare versions, act, save in one transaction with the version as the original
    /// value of the concurrency token. Runs under the provider's execution strategy (SQL Server retries transient
    /// failures), so it starts from a clean context each time. A request out of scope is not found before the input is
    /// judged; an action that refuses leaves nothing behind (its transaction is rolled back).
    /// </summary>
    public async Task<CaseActionOutcome> RunAsync<TInput>(long id, TInput input, Func<InquiryRequest, Task<CaseActionOutcome>> act, CancellationToken cancellationToken)
        where TInput : CaseActionInput
    {
        input.Normalize();
        var validation = await services.GetRequiredService<IValidator<TInput>>().ValidateAsync(input, cancellationToken);

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
                return CaseActionOutcome.Invalid(validation);
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
        return outcome;
    }
}
