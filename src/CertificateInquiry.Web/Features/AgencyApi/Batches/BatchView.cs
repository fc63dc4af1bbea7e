using System.Globalization;
using System.Text.Json.Serialization;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>A batch as <c>GET /api/v1/batches/{id}</c> gives it.</summary>
public sealed record BatchView(
    string Id,
    string Status,
    string FileName,
    string? Format,
    string Purpose,
    string CaseReference,
    string OfficerId,
    BatchCounts Counts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ResultsExpireAt,
    bool ResultsDeleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BatchRejectionView? Rejection,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BatchLinks? Links)
{
    public static string StatusName(AgencyBatchStatus status) => status switch
    {
        AgencyBatchStatus.Queued => "queued",
        AgencyBatchStatus.Running => "running",
        AgencyBatchStatus.Completed => "completed",
        _ => "rejected",
    };

    public static BatchView Of(AgencyBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var self = "/api/v1/batches/" + batch.Id;
        var resultsReady = batch.Status == AgencyBatchStatus.Completed && batch.ResultsDeletedAtUtc is null;
        return new BatchView(
            batch.Id,
            StatusName(batch.Status),
            batch.FileName,
            batch.Format,
            InquiryContextRules.WireName(batch.Purpose),
            batch.CaseReference,
            batch.OfficerId,
            new BatchCounts(batch.Total, batch.Processed, batch.Verified, batch.NotFound, batch.Invalid),
            Utc(batch.CreatedAtUtc),
            batch.StartedAtUtc is { } started ? Utc(started) : null,
            batch.CompletedAtUtc is { } completed ? Utc(completed) : null,
            batch.ResultsExpireAtUtc is { } expires ? Utc(expires) : null,
            batch.ResultsDeletedAtUtc is not null,
            batch.RejectionCode is { } code ? new BatchRejectionView(code, batch.RejectionMessage ?? string.Empty, EnglishRejection(code)) : null,
            resultsReady
                ? new BatchLinks(self, self + "/results?format=csv", self + "/results?format=xlsx", self + "/results.jws?format=csv", self + "/results.jws?format=xlsx")
                : new BatchLinks(self, null, null, null, null));
    }

    /// <summary>The English message of a file-level rejection code (the Persian one is the reader's).</summary>
    public static string EnglishRejection(string code) => code switch
    {
        "not_utf8" => "The CSV file is not UTF-8; save it as \"CSV UTF-8\".",
        "not_a_spreadsheet" => "The file is neither a readable CSV nor an XLSX workbook.",
        "wrong_columns" => "The header row must name exactly the columns " + BatchColumns.HeaderLine + ".",
        "empty" => "The file has no data rows under its header.",
        "too_many_rows" => "The file has more than " + BatchFileLimits.DefaultMaxRows.ToString("N0", CultureInfo.InvariantCulture) + " data rows; split it.",
        "too_large" => "The file is larger than " + (BatchFileLimits.DefaultMaxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB; split it.",
        _ => "The file cannot be read as a whole.",
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
