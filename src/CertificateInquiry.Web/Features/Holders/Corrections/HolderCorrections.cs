using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Holders.Corrections;

/// <summary>How a holder's report ended.</summary>
public enum ReportOutcome
{
    Reported,

    /// <summary>The same form posted again (its key is already a report of this holder's): nothing new.</summary>
    Repeated,

    /// <summary>The input or the document was refused; the Persian messages are in the model state.</summary>
    Invalid,

    /// <summary>The certificate is not under the holder's identifier, or does not exist.</summary>
    NotFound,
}

/// <summary>
/// The holder's side of corrections (ADR-034): their certificate as the form shows it, the report itself and the list
/// of their reports. Everything is narrowed to the signed-in holder's identifier (<see cref="HolderCertificates"/>).
/// </summary>
public sealed class HolderCorrections(
    AppDbContext db,
    DocumentStore store,
    IValidator<CorrectionReportInput> validator,
    TimeProvider clock,
    ILogger<HolderCorrections> logger)
{
    public const string AlreadyOpen =
        "گزارشی از همین مورد برای این گواهینامه در حال بررسی است؛ پاسخ آن را در فهرست گزارش‌هایتان ببینید و پس از آن، اگر لازم بود، دوباره گزارش دهید.";

    /// <summary>The holder's certificate with its person and standard, or null (another person's, or none).</summary>
    public async Task<Certificate?> FindAsync(string identifier, string? number, CancellationToken cancellationToken)
    {
        var normalized = PersianText.NormalizeCode(number);
        if (normalized.Length is 0 or > DataLimits.CertificateNumber)
        {
            return null;
        }

        var certificate = await HolderCertificates.Of(db.Certificates.AsNoTracking(), identifier)
            .Include(c => c.Person).Include(c => c.Standard)
            .SingleOrDefaultAsync(c => c.Number == normalized, cancellationToken);
        if (certificate is null)
        {
            logger.NotTheHolders(normalized);
        }

        return certificate;
    }

    /// <summary>The standards to choose from, by title.</summary>
    public async Task<IReadOnlyList<(string Value, string Text)>> StandardsAsync(CancellationToken cancellationToken) =>
        (await db.TrainingStandards.AsNoTracking().OrderBy(s => s.Title).Select(s => new { s.Id, s.Title, s.Code }).ToListAsync(cancellationToken))
            .Select(s => (s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), PersianText.ToPersianDigits(s.Title) + " (" + s.Code + ")"))
            .ToList();

    /// <summary>The fields of <paramref name="certificate"/> with a report under review (a name: reported on any of the holder's certificates).</summary>
    public async Task<IReadOnlySet<CorrectionField>> OpenFieldsAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        var keys = CorrectionValues.Fields.ToDictionary(field => CertificateCorrection.OpenKeyFor(certificate, field), StringComparer.Ordinal);
        var wanted = keys.Keys.ToList();
        var open = await db.CertificateCorrections.AsNoTracking()
            .Where(c => c.OpenKey != null && wanted.Contains(c.OpenKey))
            .Select(c => c.OpenKey!).ToListAsync(cancellationToken);
        return open.Select(key => keys[key]).ToHashSet();
    }

    /// <summary>
    /// Files the report: refused with nothing written (no row, no file) when an input fails; found again when the same
    /// form comes twice; refused when the field already has an open report (the unique open key holds that even for two
    /// tabs posting at once). A document is stored only once everything else passed, and removed again if the row is not written.
    /// </summary>
    public async Task<(ReportOutcome Outcome, long? CorrectionId)> ReportAsync(
        string identifier, string? number, CorrectionField field, CorrectionReportInput input, IFormFile? document,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var certificate = await FindAsync(identifier, number, cancellationToken);
        if (certificate is null)
        {
            return (ReportOutcome.NotFound, null);
        }

        input.Normalize();
        if (input.ParsedSubmissionKey is { } key && await RepeatOfAsync(identifier, key, cancellationToken) is { } repeated)
        {
            logger.Replayed(repeated);
            return (ReportOutcome.Repeated, repeated);
        }

        foreach (var error in (await validator.ValidateAsync(input, cancellationToken)).Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        var standardIds = field == CorrectionField.Standard
            ? (await db.TrainingStandards.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var (value, refusal) = CorrectionValues.Read(field, input.Value, certificate, IranTime.Today(clock), standardIds);
        if (refusal is not null)
        {
            modelState.AddModelError(nameof(CorrectionReportInput.Value), refusal);
        }

        var openKey = CertificateCorrection.OpenKeyFor(certificate, field);
        if (modelState.IsValid && await db.CertificateCorrections.AnyAsync(c => c.OpenKey == openKey, cancellationToken))
        {
            modelState.AddModelError(string.Empty, AlreadyOpen);
            logger.AlreadyOpen(field.ToString(), certificate.Id);
            return (ReportOutcome.Invalid, null);
        }

        if (!modelState.IsValid)
        {
            logger.Refused(string.Join(", ", modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key)));
            return (ReportOutcome.Invalid, null);
        }

        StoredDocument? stored = null;
        if (document is { Length: > 0 } || !string.IsNullOrEmpty(document?.FileName))
        {
            var upload = await store.SaveAsync(document!, 0, cancellationToken);
            if (!upload.IsStored)
            {
                modelState.AddModelError("Document", upload.Refusal!);
                logger.Refused("Document");
                return (ReportOutcome.Invalid, null);
            }

            stored = upload.Document;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var correction = new CertificateCorrection
        {
            CertificateId = certificate.Id,
            ProvinceId = certificate.ProvinceId,
            HolderIdentifier = identifier,
            Field = field,
            ReportedValue = CorrectionValues.Current(field, certificate),
            RequestedValue = value!,
            Note = input.Note!,
            Mobile = input.Mobile!,
            SubmissionKey = input.ParsedSubmissionKey!.Value,
            OpenKey = openKey,
            Status = CorrectionStatus.Open,
            DocumentName = stored?.DisplayName,
            DocumentStoredName = stored?.StoredName,
            DocumentContentType = stored?.ContentType,
            DocumentLength = stored?.Length,
            DocumentSha256 = stored?.Sha256,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.CertificateCorrections.Add(correction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another post won the race: the same form (its key) or another tab's report of the same field (the open key).
            db.ChangeTracker.Clear();
            if (stored is not null)
            {
                store.Delete(stored.StoredName);
            }

            if (await RepeatOfAsync(identifier, correction.SubmissionKey, cancellationToken) is { } first)
            {
                logger.Replayed(first);
                return (ReportOutcome.Repeated, first);
            }

            if (await db.CertificateCorrections.AnyAsync(c => c.OpenKey == openKey, cancellationToken))
            {
                modelState.AddModelError(string.Empty, AlreadyOpen);
                logger.AlreadyOpen(field.ToString(), certificate.Id);
                return (ReportOutcome.Invalid, null);
            }

            if (await db.CertificateCorrections.AnyAsync(c => c.SubmissionKey == correction.SubmissionKey, cancellationToken))
            {
                modelState.AddModelError(nameof(CorrectionReportInput.SubmissionKey), CorrectionReportInputValidator.FormExpired);
                return (ReportOutcome.Invalid, null);
            }

            throw;
        }

        logger.Reported(correction.Id, field.ToString(), certificate.Id, certificate.ProvinceId);
        return (ReportOutcome.Reported, correction.Id);
    }

    /// <summary>The holder's reports, newest first, with what the list shows.</summary>
    public async Task<IReadOnlyList<HolderCorrectionRow>> ListAsync(string identifier, CancellationToken cancellationToken)
    {
        var rows = await db.CertificateCorrections.AsNoTracking()
            .Where(c => c.HolderIdentifier == identifier)
            .OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Certificate!.Number, c.Field, c.RequestedValue, c.Status, c.Answer, c.CreatedAtUtc, c.DecidedAtUtc })
            .ToListAsync(cancellationToken);
        var titles = await StandardTitlesAsync(db, cancellationToken);
        return rows.Select(r => new HolderCorrectionRow(
            r.Id, r.Number, CorrectionValues.Title(r.Field), CorrectionValues.Display(r.Field, r.RequestedValue, titles), r.Status, r.Answer,
            r.CreatedAtUtc, r.Status is CorrectionStatus.Corrected or CorrectionStatus.Rejected ? r.DecidedAtUtc : null)).ToList();
    }

    /// <summary>Every standard's title by id, for showing a standard's value.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> StandardTitlesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.TrainingStandards.AsNoTracking().ToDictionaryAsync(s => s.Id, s => PersianText.ToPersianDigits(s.Title), cancellationToken);

    private async Task<long?> RepeatOfAsync(string identifier, Guid key, CancellationToken cancellationToken) =>
        await db.CertificateCorrections.AsNoTracking()
            .Where(c => c.SubmissionKey == key && c.HolderIdentifier == identifier)
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>One of the holder's reports as their list shows it.</summary>
public sealed record HolderCorrectionRow(
    long Id, string CertificateNumber, string FieldTitle, string RequestedValue, CorrectionStatus Status, string? Answer,
    DateTime ReportedAtUtc, DateTime? DecidedAtUtc)
{
    public string StatusTitle => Status switch
    {
        CorrectionStatus.Open or CorrectionStatus.Proposed => "در حال بررسی",
        CorrectionStatus.Corrected => "اصلاح شد",
        CorrectionStatus.Rejected => "رد شد",
        _ => "نامشخص",
    };
}
