using System.Runtime.CompilerServices;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>
/// A completed batch's results file in one format: written from the rows (in input order, one line per row, one per
/// certificate for an inquiry.person row without a certificate number) through <see cref="BatchResultWriter"/> on its
/// first download, signed then (<see cref="AnswerSigner.SignFile"/>) and stored, so that every later download gives the
/// same bytes that <c>/results.jws</c> signs (an XLSX written twice differs in its zip timestamps).
/// </summary>
public sealed class AgencyBatchResults(AppDbContext db, AnswerSigner signer, TimeProvider clock)
{
    public async Task<AgencyBatchFile> GetOrCreateAsync(AgencyBatch batch, BatchFileFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var name = AgencyBatchUploads.FormatName(format);
        if (await db.AgencyBatchFiles.AsNoTracking().FirstOrDefaultAsync(f => f.BatchId == batch.Id && f.Format == name, cancellationToken) is { } stored)
        {
            return stored;
        }

        byte[] content;
        await using (var buffer = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            await BatchResultWriter.WriteAsync(Lines(batch.Id, cancellationToken), format, buffer, cancellationToken);
            content = new byte[buffer.Length];
            buffer.Position = 0;
            await buffer.ReadExactlyAsync(content, cancellationToken);
        }

        var file = new AgencyBatchFile
        {
            BatchId = batch.Id,
            Format = name,
            Content = content,
            Sha256 = AnswerSigner.Sha256Hex(content),
            Signature = signer.SignFile(content, FileName(batch.Id, format), BatchResultWriter.ContentType(format),
                new Dictionary<string, string>(StringComparer.Ordinal) { ["batchId"] = batch.Id }),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AgencyBatchFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return file;
        }
        catch (DbUpdateException)
        {
            // Another request wrote it first: every download gives that one.
            db.ChangeTracker.Clear();
            return await db.AgencyBatchFiles.AsNoTracking().SingleAsync(f => f.BatchId == batch.Id && f.Format == name, cancellationToken);
        }
    }

    public static string FileName(string batchId, BatchFileFormat format) => "batch-" + batchId + "-results" + BatchResultWriter.FileExtension(format);

    private async IAsyncEnumerable<BatchResultRow> Lines(string batchId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.AgencyBatchRows.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.RowNumber).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            switch (row.Outcome)
            {
                case "verified":
                    var first = NameMatchOf(row.FirstNameMatch);
                    var last = NameMatchOf(row.LastNameMatch);
                    foreach (var certificate in AgencyBatchCertificate.Deserialize(row.Certificates))
                    {
                        yield return new BatchResultRow(row.RowNumber, row.RowId, BatchRowOutcome.Verified)
                        {
                            CertificateStatus = certificate.Status,
                            CertificateNumber = certificate.Number,
                            CertificateKind = certificate.Kind,
                            FirstNameMatch = first,
                            LastNameMatch = last,
                            StandardTitle = certificate.StandardTitle,
                            IssueDate = certificate.IssueDate,
                            ExpiryDate = certificate.ExpiryDate,
                            Province = certificate.Province,
                            HolderNationality = certificate.Nationality,
                        };
                    }

                    break;
                case "not_found":
                    yield return new BatchResultRow(row.RowNumber, row.RowId, BatchRowOutcome.NotFound);
                    break;
                default:
                    yield return new BatchResultRow(row.RowNumber, row.RowId, BatchRowOutcome.Invalid) { Reason = row.Reason };
                    break;
            }
        }
    }

    private static NameMatch NameMatchOf(string? wire) => wire switch
    {
        "match" => NameMatch.Match,
        "mismatch" => NameMatch.Mismatch,
        _ => NameMatch.NotSupplied,
    };
}
