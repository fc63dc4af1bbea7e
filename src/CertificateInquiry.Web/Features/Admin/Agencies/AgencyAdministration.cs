using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>
/// The national admin's work on agency clients, around <see cref="AgencyRegistry"/>: the list, registering, changing,
/// issuing and revoking secrets, suspending and reinstating, and the public keys for signed client assertions. Each
/// change is written in one transaction with its staff audit entry, so there is never one without the other.
/// Secrets come back to the caller to be shown once; they are never logged or audited.
/// </summary>
public sealed class AgencyAdministration(
    AppDbContext db, AgencyRegistry registry, AgencyDirectory directory, StaffAuditTrail trail, TimeProvider clock)
{
    public const string SubjectType = "AgencyClient";
    public const int PageSize = 50;

    public const string ChangedMeanwhile =
        "این دستگاه در این فاصله جای دیگری تغییر کرده است و تغییرهای شما ذخیره نشد. مقادیر کنونی در بالای صفحه آمده است؛ آنچه نوشته بودید در فرم مانده است: بررسی و دوباره ذخیره کنید.";

    public const string NoSuchSecret = "این رمز پیدا نشد یا پیش‌تر باطل شده است.";

    /// <summary>One page of the agencies whose name holds <paramref name="search"/>, in Persian order of name.</summary>
    public async Task<(IReadOnlyList<AgencySummary> Rows, Paging Paging)> ListAsync(string? search, string? page, CancellationToken cancellationToken)
    {
        var matching = db.AgencyClients.AsNoTracking();
        if (search is { Length: > 0 } text)
        {
            // Names are stored normalized (ی/ک, digits, spaces), as the search text is.
            matching = matching.Where(c => c.Name.Contains(text));
        }

        // A few dozen agencies: sorted in memory, in Persian order.
        var rows = await Summaries(matching).ToListAsync(cancellationToken);
        rows.Sort((a, b) => ProvinceOptions.ComparePersian(a.Name, b.Name) is var byName and not 0 ? byName : a.Id.CompareTo(b.Id));
        var paging = Paging.For(page, PageSize, rows.Count);
        return (rows.Page(paging).ToList(), paging);
    }

    public Task<AgencySummary?> FindAsync(int id, CancellationToken cancellationToken) =>
        Summaries(db.AgencyClients.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The agency's secrets, newest first: hints and dates only.</summary>
    public async Task<IReadOnlyList<AgencySecretRow>> SecretsAsync(int id, CancellationToken cancellationToken) =>
        await db.AgencyClientSecrets.AsNoTracking()
            .Where(s => s.AgencyClientId == id)
            .OrderByDescending(s => s.Id)
            .Select(s => new AgencySecretRow(s.Id, s.Hint, s.CreatedAtUtc, s.ExpiresAtUtc, s.RevokedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>The JWK Set registered for the agency's client assertions (public keys only), or null.</summary>
    public Task<string?> PublicKeysAsync(string clientId, CancellationToken cancellationToken) =>
        db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientId == clientId)
            .Select(a => a.JsonWebKeySet)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>What names each key of a stored JWK Set: its <c>kid</c>, or else its RFC 7638 thumbprint.</summary>
    public static IReadOnlyList<string> KeyIds(string? jwks)
    {
        if (string.IsNullOrWhiteSpace(jwks))
        {
            return [];
        }

        return [.. JsonWebKeySet.Create(jwks).Keys.Select(key => key.Kid is { Length: > 0 } kid ? kid : Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()))];
    }

    public async Task<IssuedCredentials> RegisterAsync(NewAgency agency, CancellationToken cancellationToken) =>
        (await AuditedAsync<IssuedCredentials>(
            async () => await registry.RegisterAsync(agency, cancellationToken),
            issued => trail.Record("agency.create", SubjectType, Id(issued.AgencyId), toStatus: nameof(AgencyState.Active),
                details: $"دستگاه «{agency.Name}» ({AgencyTexts.Kind(agency.Kind)}) با شناسه {issued.ClientId}، دسترسی {AgencyTexts.Scopes(agency.Scopes)}، سهمیه روزانه {agency.DailyRowQuota.ToString(System.Globalization.CultureInfo.InvariantCulture)} ردیف و {ExpiryText(agency.ExpiresOn)} ثبت شد."),
            cancellationToken))!;

    /// <summary>Saves the form's changes; false when the agency changed since the form was drawn (nothing saved).</summary>
    public async Task<bool> UpdateAsync(AgencySummary before, Guid version, NewAgency changes, CancellationToken cancellationToken)
    {
        var described = Describe(before, changes);
        var saved = await AuditedAsync<object>(
            async () => await registry.UpdateAsync(before.Id, version, changes, cancellationToken) ? Done : null,
            _ => trail.Record("agency.update", SubjectType, Id(before.Id),
                details: $"دستگاه «{changes.Name}»: " + (described.Count == 0 ? "بدون تغییر" : string.Join("؛ ", described)) + "."),
            cancellationToken);
        directory.Forget(before.Id);
        return saved is not null;
    }

    /// <summary>A new secret (a rotation): the agency's other live secrets end after <see cref="AgencyRegistry.RotationOverlap"/>.</summary>
    public Task<IssuedCredentials?> IssueSecretAsync(AgencySummary agency, CancellationToken cancellationToken) =>
        AuditedAsync(
            () => registry.IssueSecretAsync(agency.Id, cancellationToken),
            issued => trail.Record("agency.secret.issue", SubjectType, Id(agency.Id),
                details: $"رمز تازه‌ای برای دستگاه «{agency.Name}» ساخته شد (آغاز آن {AgencySecrets.Hint(issued.ClientSecret)})؛ رمزهای پیشین تا {PersianText.ToPersianDigits(AgencyRegistry.RotationOverlap.Days)} روز دیگر کار می‌کنند."),
            cancellationToken);

    public async Task<bool> RevokeSecretAsync(AgencySummary agency, long secretId, CancellationToken cancellationToken)
    {
        var hint = await db.AgencyClientSecrets.AsNoTracking()
            .Where(s => s.Id == secretId && s.AgencyClientId == agency.Id)
            .Select(s => s.Hint)
            .SingleOrDefaultAsync(cancellationToken);
        return await AuditedAsync<object>(
            async () => hint is not null && await registry.RevokeSecretAsync(agency.Id, secretId, cancellationToken) ? Done : null,
            _ => trail.Record("agency.secret.revoke", SubjectType, Id(agency.Id),
                details: $"رمز دستگاه «{agency.Name}» که با {hint} آغاز می‌شود باطل شد."),
            cancellationToken) is not null;
    }

    public async Task SuspendAsync(AgencySummary agency, string reason, CancellationToken cancellationToken)
    {
        await AuditedAsync<object>(
            async () => await registry.SuspendAsync(agency.Id, reason, cancellationToken) ? Done : null,
            _ => trail.Record("agency.suspend", SubjectType, Id(agency.Id), null, nameof(AgencyState.Active), nameof(AgencyState.Suspended),
                $"دستگاه «{agency.Name}» تعلیق شد. دلیل: {reason}"),
            cancellationToken);

        // The registry forgot the agency's standing before the commit: a request in between may have read the old one.
        directory.Forget(agency.Id);
    }

    public async Task ReinstateAsync(AgencySummary agency, CancellationToken cancellationToken)
    {
        await AuditedAsync<object>(
            async () => await registry.ReinstateAsync(agency.Id, cancellationToken) ? Done : null,
            _ => trail.Record("agency.reinstate", SubjectType, Id(agency.Id), null, nameof(AgencyState.Suspended), nameof(AgencyState.Active),
                $"تعلیق دستگاه «{agency.Name}» برداشته شد."),
            cancellationToken);
        directory.Forget(agency.Id);
    }

    /// <summary>Registers (or, for an empty text, removes) the agency's public keys; the Persian reason when refused (nothing stored).</summary>
    public async Task<string?> SetPublicKeysAsync(AgencySummary agency, string? jwks, CancellationToken cancellationToken)
    {
        string? refusal = null;
        await AuditedAsync<object>(
            async () => (refusal = await registry.SetPublicKeysAsync(agency.Id, jwks, cancellationToken)) is null ? Done : null,
            _ => trail.Record("agency.keys", SubjectType, Id(agency.Id), details: string.IsNullOrWhiteSpace(jwks)
                ? $"کلیدهای عمومی دستگاه «{agency.Name}» برداشته شد."
                : $"کلیدهای عمومی دستگاه «{agency.Name}» ثبت شد: {string.Join("، ", KeyIds(jwks))}."),
            cancellationToken);
        return refusal;
    }

    /// <summary>
    /// Runs one registry change and, when it was made (a non-null result), its audit entry, in one transaction that the
    /// registry joins; a refused change rolls back and records nothing.
    /// </summary>
    private async Task<T?> AuditedAsync<T>(Func<Task<T?>> change, Action<T> record, CancellationToken cancellationToken)
        where T : class
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var done = await change();
            if (done is null)
            {
                await transaction.RollbackAsync(cancellation);
                return null;
            }

            record(done);
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return done;
        }, cancellationToken);

        return result;
    }

    private static readonly object Done = new();

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ExpiryText(DateOnly? expiresOn) =>
        expiresOn is { } day ? "پایان اعتبار " + JalaliDate.Format(day) : "بی تاریخ پایان";

    private static List<string> Describe(AgencySummary before, NewAgency after)
    {
        var changes = new List<string>();
        void Change(string what, string from, string to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add($"{what} از «{(from.Length == 0 ? "—" : from)}» به «{(to.Length == 0 ? "—" : to)}»");
            }
        }

        Change("نام", before.Name, after.Name);
        Change("نوع", AgencyTexts.Kind(before.Kind), AgencyTexts.Kind(after.Kind));
        Change("دسترسی", AgencyTexts.Scopes(before.Scopes), AgencyTexts.Scopes(after.Scopes));
        Change("سهمیه روزانه", before.DailyRowQuota.ToString(System.Globalization.CultureInfo.InvariantCulture), after.DailyRowQuota.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Change("پایان اعتبار", ExpiryText(before.ExpiresOn), ExpiryText(after.ExpiresOn));
        Change("نام رابط", before.ContactName, after.ContactName);
        Change("ایمیل رابط", before.ContactEmail, after.ContactEmail);
        Change("تلفن رابط", before.ContactPhone, after.ContactPhone);
        return changes;
    }

    private IQueryable<AgencySummary> Summaries(IQueryable<AgencyClient> query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return query.Select(c => new AgencySummary(
            c.Id, c.ClientId, c.Name, c.Kind, c.Scopes, c.DailyRowQuota, c.ExpiresOn, c.CreatedAtUtc, c.SuspendedAtUtc, c.SuspensionReason,
            c.ContactName, c.ContactEmail, c.ContactPhone, c.Version,
            c.Secrets.Count(s => s.RevokedAtUtc == null && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now))));
    }
}
