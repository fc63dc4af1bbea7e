using System.Globalization;
using System.Data.Common;
using System.Security.Cryptography;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>
/// Takes an agency's batch file (ADR-028): the idempotency key first (the same key and file give the batch made
/// before; another file, 422), then the whole file is read and every row checked; a file refused as a whole is kept
/// as a rejected batch; otherwise the valid rows are taken from the daily quota (429 before anything is stored when
/// they do not fit) and the batch with all its checked rows is stored in one transaction, so a crash mid-upload
/// leaves no half batch. The file itself is not kept. The worker is then woken.
/// </summary>
public sealed class AgencyBatchUploads(
    AppDbContext db, AgencyQuota quota, InquiryAudit audit, AgencyBatchSignal signal, TimeProvider clock, ILogger<AgencyBatchUploads> logger)
{
    private const string InsertRowSql =
        "INSERT INTO \"AgencyBatchRows\" (\"BatchId\", \"RowNumber\", \"RowId\", \"NationalCode\", \"CertificateNumber\", \"FirstName\", \"LastName\", \"Reason\", \"Processed\") "
        + "VALUES (@batch, @number, @rowId, @nationalCode, @certificateNumber, @firstName, @lastName, @reason, @processed)";

    public const int MaxFileNameLength = 128;

    public async Task<AgencyBatchUploadResult> UploadAsync(
        HttpContext http, AgencyCaller caller, string idempotencyKey, InquiryContext context, IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);

        // A private copy that can seek, hashed on the way; never kept.
        await using var copy = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        string sha256;
        await using (var upload = file.OpenReadStream())
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        copy.Position = 0;
        var agency = caller.Agency;
        if (await ExistingAsync(agency.Id, idempotencyKey, sha256, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var batch = new AgencyBatch
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            AgencyClientId = agency.Id,
            IdempotencyKey = idempotencyKey,
            FileSha256 = sha256,
            Purpose = context.Purpose,
            CaseReference = context.CaseReference,
            OfficerId = context.OfficerId,
            Confidential = context.Confidential,
            FileName = FileName(file.FileName),
            PersonScope = caller.Has(AgencyScopes.Person),
            ClientAddressHash = audit.HashClientAddress(http),
            Status = AgencyBatchStatus.Queued,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        using var reader = await BatchFileReader.OpenAsync(copy, file.FileName, file.ContentType, cancellationToken);
        batch.Format = reader.Format is { } format ? FormatName(format) : null;

        // The first reading checks every row and counts the valid ones (the quota's share) without keeping anything.
        var total = 0;
        var valid = 0;
        try
        {
            var check = new BatchRowCheck(batch.PersonScope);
            foreach (var row in reader.ReadRows(cancellationToken))
            {
                total++;
                if (check.Check(row).IsValid)
                {
                    valid++;
                }
            }
        }
        catch (BatchFileRejectedException refused)
        {
            batch.Status = AgencyBatchStatus.Rejected;
            batch.RejectionCode = refused.Rejection.Code;
            batch.RejectionMessage = refused.Rejection.Message;
            batch.CompletedAtUtc = batch.CreatedAtUtc;
            return await StoreAsync(batch, null, cancellationToken) ?? await RaceLostAsync(agency.Id, idempotencyKey, sha256, cancellationToken);
        }

        if (valid > 0 && !await quota.TryTakeAsync(agency, valid, cancellationToken))
        {
            logger.QuotaSpent(agency.Id, valid);
            return new AgencyBatchUploadResult(null, false,
                ApiProblem.TooManyRequests($"This batch has {valid.ToString(CultureInfo.InvariantCulture)} valid rows, more than is left of this client's daily quota; "
                    + "send a smaller file, or this one after midnight, Iran time. Nothing was stored."),
                quota.SecondsUntilTomorrow());
        }

        batch.Total = total;
        var stored = await StoreAsync(batch, reader, cancellationToken);
        if (stored is null)
        {
            // Another request with the same key won the race; the rows this one took from the quota are not given back.
            return await RaceLostAsync(agency.Id, idempotencyKey, sha256, cancellationToken);
        }

        logger.BatchQueued(agency.Id, batch.Id, total, valid);
        signal.Wake();
        return stored;
    }

    public static string FormatName(BatchFileFormat format) => format == BatchFileFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>The file's own name without directories, at most its last 128 characters, no control characters.</summary>
    public static string FileName(string? name)
    {
        var plain = new string((Path.GetFileName(name?.Replace('\\', '/')) ?? string.Empty).Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        return plain.Length <= MaxFileNameLength ? plain : plain[^MaxFileNameLength..];
    }

    private async Task<AgencyBatchUploadResult?> ExistingAsync(int agencyId, string key, string sha256, CancellationToken cancellationToken)
    {
        var earlier = await db.AgencyBatches.AsNoTracking().FirstOrDefaultAsync(b => b.AgencyClientId == agencyId && b.IdempotencyKey == key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.FileSha256 == sha256)
        {
            return new AgencyBatchUploadResult(earlier, false);
        }

        logger.IdempotencyKeyReused(agencyId, earlier.Id);
        return new AgencyBatchUploadResult(null, false, new ApiProblem(
            ApiProblem.TypeBase + "idempotency-key-reused",
            "This Idempotency-Key was used with another file.",
            "این کلید یکتایی (Idempotency-Key) پیش‌تر با فایل دیگری به کار رفته است؛ برای فایل تازه کلید تازه بفرستید.",
            StatusCodes.Status422UnprocessableEntity,
            "Send a new Idempotency-Key for a new file; the same key with the same file returns the batch it made."));
    }

    private async Task<AgencyBatchUploadResult> RaceLostAsync(int agencyId, string key, string sha256, CancellationToken cancellationToken) =>
        await ExistingAsync(agencyId, key, sha256, cancellationToken)
        ?? throw new InvalidOperationException("The batch with this key was neither stored nor found.");

    /// <summary>
    /// Stores the batch and (when a reader is given) its checked rows in one transaction; null when another request
    /// stored a batch with the same key first (the unique index refuses this one).
    /// </summary>
    private async Task<AgencyBatchUploadResult?> StoreAsync(AgencyBatch batch, BatchFileReader? reader, CancellationToken cancellationToken)
    {
        // SQL Server's retrying strategy wants a transaction it can run again as a whole.
        var strategy = db.Database.CreateExecutionStrategy();
        var stored = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            db.AgencyBatches.Add(batch);
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return false;
            }

            if (reader is not null)
            {
                await InsertRowsAsync(batch, reader, transaction.GetDbTransaction(), token);
            }

            await transaction.CommitAsync(token);
            db.ChangeTracker.Clear();
            return true;
        }, cancellationToken);
        if (!stored)
        {
            return null;
        }

        if (batch.Status == AgencyBatchStatus.Rejected)
        {
            logger.BatchRejected(batch.AgencyClientId, batch.Id, batch.RejectionCode!);
        }

        return new AgencyBatchUploadResult(batch, true);
    }

    /// <summary>The second reading: every row, checked again the same way, inserted by one prepared command.</summary>
    private async Task InsertRowsAsync(AgencyBatch batch, BatchFileReader reader, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
#pragma warning disable CA2100 // Only the constant SQL of this class; values are bound as parameters.
        insert.CommandText = InsertRowSql;
#pragma warning restore CA2100
        foreach (var name in new[] { "@batch", "@number", "@rowId", "@nationalCode", "@certificateNumber", "@firstName", "@lastName", "@reason", "@processed" })
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
        }

        // Prepared once the first row's values are set: Npgsql refuses to prepare a parameter whose type it cannot tell.
        var prepared = false;
        var check = new BatchRowCheck(batch.PersonScope);
        foreach (var input in reader.ReadRows(cancellationToken))
        {
            var row = check.Check(input);
            insert.Parameters[0].Value = batch.Id;
            insert.Parameters[1].Value = row.RowNumber;
            insert.Parameters[2].Value = row.RowId;
            insert.Parameters[3].Value = NullIfEmpty(row.NationalCode);
            insert.Parameters[4].Value = NullIfEmpty(row.CertificateNumber);
            insert.Parameters[5].Value = NullIfEmpty(row.FirstName);
            insert.Parameters[6].Value = NullIfEmpty(row.LastName);
            insert.Parameters[7].Value = (object?)row.Reason ?? DBNull.Value;
            insert.Parameters[8].Value = false;
            if (!prepared)
            {
                await insert.PrepareAsync(cancellationToken);
                prepared = true;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object NullIfEmpty(string value) => value.Length == 0 ? DBNull.Value : value;
}
