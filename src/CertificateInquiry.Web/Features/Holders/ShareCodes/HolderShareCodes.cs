using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

/// <summary>One share code as its holder sees it in their list.</summary>
public sealed record ShareCodeRow(
    long Id, string Hint, string? CertificateNumber, string? Recipient, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc,
    int UseCount, DateTime? LastUsedAtUtc, bool Usable);

public enum ShareCodeCreation
{
    Created,

    /// <summary>The same form came again (a second tab, a double click): the code made the first time stands.</summary>
    AlreadyCreated,

    /// <summary>No certificate is recorded under the holder's identifier, or the number given is not theirs.</summary>
    NoSuchCertificate,

    TooManyLiveCodes,
}

/// <summary>What a holder's "make a code" came to; <see cref="Code"/> only when <see cref="ShareCodeCreation.Created"/>, shown once.</summary>
public sealed record ShareCodeCreated(ShareCodeCreation Outcome, string? Code = null, DateTime? ExpiresAtUtc = null);

/// <summary>
/// What a code that exists opens for the one who typed it: the records and until when the code works; when it has
/// been revoked or has expired (<see cref="Usable"/> false), nothing, but the holder still learns that it was tried.
/// </summary>
public sealed record ShareCodeOpening(
    long ShareCodeId, string HolderIdentifier, long? CertificateId, DateTime ExpiresAtUtc, bool Usable, IReadOnlyList<CertificateRecord> Records);

/// <summary>
/// Share codes (ADR-035): made, listed and revoked by their holder, always scoped to the signed-in holder's person;
/// opened by anyone who has one. Only the code's hash is stored.
/// </summary>
public sealed class HolderShareCodes(AppDbContext db, HolderRecords records, TimeProvider clock, ILogger<HolderShareCodes> logger)
{
    public const int MaxDays = 90;

    /// <summary>A holder's live codes at once: enough for every employer they apply to, not a store of codes for a bot.</summary>
    public const int MaxLiveCodes = 20;

    public async Task<IReadOnlyList<ShareCodeRow>> ListAsync(string identifier, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = await db.ShareCodes.AsNoTracking()
            .Where(c => c.Person!.NationalCode == identifier)
            .OrderByDescending(c => c.Id)
            .Take(100)
            .Select(c => new { Code = c, Number = c.Certificate != null ? c.Certificate.Number : null })
            .ToListAsync(cancellationToken);
        return [.. codes.Select(c => new ShareCodeRow(
            c.Code.Id, c.Code.Hint, c.Number, c.Code.Recipient, c.Code.CreatedAtUtc, c.Code.ExpiresAtUtc, c.Code.RevokedAtUtc,
            c.Code.UseCount, c.Code.LastUsedAtUtc, c.Code.IsUsable(now)))];
    }

    public async Task<ShareCodeCreated> CreateAsync(
        string identifier, string? certificateNumber, int days, string? recipient, string creationKey, CancellationToken cancellationToken)
    {
        var personId = await records.PersonIdAsync(identifier, cancellationToken);
        if (personId is null)
        {
            return new(ShareCodeCreation.NoSuchCertificate);
        }

        long? certificateId = null;
        if (!string.IsNullOrEmpty(certificateNumber))
        {
            certificateId = await db.Certificates.Where(c => c.PersonId == personId && c.Number == certificateNumber)
                .Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (certificateId is null)
            {
                return new(ShareCodeCreation.NoSuchCertificate);
            }
        }

        if (await db.ShareCodes.AnyAsync(c => c.PersonId == personId && c.CreationKey == creationKey, cancellationToken))
        {
            return new(ShareCodeCreation.AlreadyCreated);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.ShareCodes.CountAsync(c => c.PersonId == personId && c.RevokedAtUtc == null && c.ExpiresAtUtc > now, cancellationToken);
        if (live >= MaxLiveCodes)
        {
            logger.ShareCodeLimitReached(live);
            return new(ShareCodeCreation.TooManyLiveCodes);
        }

        var code = ShareCodeText.New();
        var shareCode = new ShareCode
        {
            PersonId = personId.Value,
            CertificateId = certificateId,
            CodeHash = ShareCodeText.Hash(code),
            Hint = code[^4..],
            Recipient = string.IsNullOrEmpty(recipient) ? null : recipient,
            CreationKey = creationKey,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(Math.Clamp(days, 1, MaxDays)),
        };
        db.ShareCodes.Add(shareCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form, sent from a second tab at the same moment, made its code first (the unique index).
            db.ChangeTracker.Clear();
            if (await db.ShareCodes.AnyAsync(c => c.PersonId == personId && c.CreationKey == creationKey, CancellationToken.None))
            {
                return new(ShareCodeCreation.AlreadyCreated);
            }

            throw;
        }

        logger.ShareCodeCreated(shareCode.Id, certificateId is null ? "all certificates" : "one certificate", (int)Math.Round((shareCode.ExpiresAtUtc - now).TotalDays));
        return new(ShareCodeCreation.Created, code, shareCode.ExpiresAtUtc);
    }

    /// <summary>Revokes one of the holder's own codes; false when the id is not theirs. Revoking twice is no error.</summary>
    public async Task<bool> RevokeAsync(string identifier, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owned = await db.ShareCodes.AnyAsync(c => c.Id == id && c.Person!.NationalCode == identifier, cancellationToken);
        if (!owned)
        {
            return false;
        }

        if (await db.ShareCodes.Where(c => c.Id == id && c.RevokedAtUtc == null).ExecuteUpdateAsync(c => c.SetProperty(x => x.RevokedAtUtc, now), cancellationToken) > 0)
        {
            logger.ShareCodeRevoked(id);
        }

        return true;
    }

    /// <summary>
    /// Opens a code: null when no code has that text. The use is counted in the same statement that checks the code is
    /// still live, so a code revoked a moment before is refused (not usable), not counted.
    /// </summary>
    public async Task<ShareCodeOpening?> OpenAsync(string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ShareCodeText.Hash(code);
        var shareCode = await db.ShareCodes.AsNoTracking()
            .Where(c => c.CodeHash == hash)
            .Select(c => new { c.Id, c.Person!.NationalCode, c.CertificateId, c.ExpiresAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (shareCode is null)
        {
            return null;
        }

        var counted = await db.ShareCodes
            .Where(c => c.Id == shareCode.Id && c.RevokedAtUtc == null && c.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UseCount, x => x.UseCount + 1).SetProperty(x => x.LastUsedAtUtc, now), cancellationToken);
        if (counted == 0)
        {
            return new ShareCodeOpening(shareCode.Id, shareCode.NationalCode, shareCode.CertificateId, shareCode.ExpiresAtUtc, false, []);
        }

        var all = await records.CertificatesAsync(shareCode.NationalCode);
        IReadOnlyList<CertificateRecord> shown = shareCode.CertificateId is { } one ? [.. all.Where(record => record.Id == one)] : all;
        return new ShareCodeOpening(shareCode.Id, shareCode.NationalCode, shareCode.CertificateId, shareCode.ExpiresAtUtc, true, shown);
    }
}
