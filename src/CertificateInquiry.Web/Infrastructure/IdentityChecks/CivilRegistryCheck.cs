using System.Collections.Concurrent;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Hosting;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.IdentityChecks;

/// <summary>
/// Checks each submitted request's applicant against the civil registry, in the background so that neither the
/// payment callback nor the applicant waits for the registry: the national code and birth date must name a person,
/// and the names are compared as the portal compares names everywhere (<see cref="PersianText.Normalize"/>). The
/// result is written on the request for the case page; a difference never blocks anything (staff decide). Answers
/// are kept per national code and birth date for <see cref="IdentityCheckOptions.RegistryAnswerKept"/>. A registry
/// that does not answer is asked again on later passes, up to <see cref="IdentityCheckOptions.RegistryMaxAttempts"/>.
/// One server at a time asks (a job lease, ADR-038: the registry is paid per question), and it would be safe on many:
/// each write is conditional on the attempt count read, so a request is written once per attempt.
/// </summary>
public sealed class CivilRegistryCheck(
    IServiceScopeFactory scopes,
    ICivilRegistry registry,
    IOptions<IdentityCheckOptions> options,
    JobLeases leases,
    TimeProvider clock,
    ILogger<CivilRegistryCheck> logger)
    : LeasedPeriodicWork(leases, clock, logger)
{
    public override string JobName => "civil-registry-check";

    /// <summary>Requests submitted longer ago than this are not checked any more (older ones were submitted before the registry was configured).</summary>
    public static readonly TimeSpan CheckedWithin = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<(string NationalCode, DateOnly BirthDate), (RegistryAnswer Answer, DateTimeOffset At)> answers = new();

    protected override TimeSpan? Interval => options.Value.RegistryCheckInterval;

    protected override Task RunLeasedPassAsync(CancellationToken stoppingToken) => CheckDueAsync(stoppingToken);

    protected override void PassFailed(Exception exception) => logger.RegistryPassFailed(exception);

    /// <summary>One pass over the submitted requests not yet checked; returns how many were written.</summary>
    public async Task<int> CheckDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = options.Value;
        var now = Clock.GetUtcNow().UtcDateTime;
        var since = now - CheckedWithin;
        var due = await db.Requests.AsNoTracking()
            .Where(r => r.SubmittedAtUtc != null && r.SubmittedAtUtc >= since && r.RequesterKind == RequesterKind.Holder
                // The registry knows Iranians only: a foreign national (a nationality, or a 12-digit identifier) is never asked about (ADR-033).
                && r.Nationality == null && r.NationalCode != null && r.NationalCode.Length == NationalCode.Length && r.BirthDate != null && r.IdentityCheck == IdentityCheck.NotChecked
                && r.IdentityCheckAttempts < settings.RegistryMaxAttempts)
            .OrderBy(r => r.SubmittedAtUtc)
            .Take(20)
            .Select(r => new { r.Id, r.NationalCode, r.BirthDate, r.FirstName, r.LastName, r.FatherName, r.IdentityCheckAttempts })
            .ToListAsync(cancellationToken);

        var written = 0;
        foreach (var request in due)
        {
            var answer = await AskAsync(request.NationalCode!, request.BirthDate!.Value, cancellationToken);
            var attempts = request.IdentityCheckAttempts + 1;
            var (check, differences) = answer switch
            {
                { Unavailable: true } => (attempts >= settings.RegistryMaxAttempts ? IdentityCheck.Unavailable : IdentityCheck.NotChecked, null),
                { NotFound: true } => (IdentityCheck.NotFound, null),
                { Person: { } person } => Compare(person, request.FirstName, request.LastName, request.FatherName),
                _ => (IdentityCheck.NotChecked, (string?)null),
            };
            var checkedAt = Clock.GetUtcNow().UtcDateTime;
            var read = request.IdentityCheckAttempts;
            written += await db.Requests
                .Where(r => r.Id == request.Id && r.IdentityCheckAttempts == read && r.IdentityCheck == IdentityCheck.NotChecked)
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(r => r.IdentityCheck, check)
                        .SetProperty(r => r.IdentityDifferences, differences)
                        .SetProperty(r => r.IdentityCheckedAtUtc, checkedAt)
                        .SetProperty(r => r.IdentityCheckAttempts, attempts),
                    CancellationToken.None);
            logger.RegistryChecked(request.Id, check);
        }

        return written;
    }

    /// <summary>Each field the registry holds differently, compared after the portal's Persian normalization.</summary>
    public static (IdentityCheck Check, string? Differences) Compare(RegistryPerson person, string? firstName, string? lastName, string? fatherName)
    {
        var differ = new List<IdentityField>();
        if (!Same(person.FirstName, firstName))
        {
            differ.Add(IdentityField.FirstName);
        }

        if (!Same(person.LastName, lastName))
        {
            differ.Add(IdentityField.LastName);
        }

        if (person.FatherName.Length > 0 && !Same(person.FatherName, fatherName))
        {
            differ.Add(IdentityField.FatherName);
        }

        return differ.Count == 0 ? (IdentityCheck.Confirmed, null) : (IdentityCheck.Differs, string.Join(',', differ));
    }

    private static bool Same(string registered, string? given) =>
        string.Equals(Plain(registered), Plain(given ?? ""), StringComparison.Ordinal);

    /// <summary>Normalized letters without the spaces and zero-width non-joiners that the registry and people write differently.</summary>
    private static string Plain(string name) =>
        new([.. PersianText.Normalize(name).Where(c => !char.IsWhiteSpace(c) && c != '\u200C')]);

    private async Task<RegistryAnswer> AskAsync(string nationalCode, DateOnly birthDate, CancellationToken cancellationToken)
    {
        var key = (nationalCode, birthDate);
        var now = Clock.GetUtcNow();
        if (answers.TryGetValue(key, out var kept) && now - kept.At < options.Value.RegistryAnswerKept)
        {
            return kept.Answer;
        }

        var answer = await registry.FindAsync(nationalCode, birthDate, cancellationToken);
        if (!answer.Unavailable)
        {
            answers[key] = (answer, now);
        }

        foreach (var stale in answers.Where(a => now - a.Value.At >= options.Value.RegistryAnswerKept).Select(a => a.Key).ToList())
        {
            answers.TryRemove(stale, out _);
        }

        return answer;
    }
}

internal static partial class CivilRegistryLog
{
    [LoggerMessage(2340, LogLevel.Information, "Request {RequestId} checked against the civil registry: {Check}")]
    public static partial void RegistryChecked(this ILogger logger, long requestId, IdentityCheck check);

    [LoggerMessage(2341, LogLevel.Error, "Civil registry pass failed; trying again after the interval")]
    public static partial void RegistryPassFailed(this ILogger logger, Exception exception);
}
