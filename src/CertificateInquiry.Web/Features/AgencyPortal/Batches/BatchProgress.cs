using System.Text.Json.Serialization;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi.Batches;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.AgencyPortal.Batches;

/// <summary>
/// What the batch page's progress bar shows, and what <c>/agency/batches/{id}/progress</c> gives the page's script
/// (wwwroot/js/agency-batch.js) as JSON: the status (its wire name and Persian title), the counts, the percentage
/// answered, and whether the batch is done (completed or rejected: the script then reloads the page for the downloads).
/// </summary>
public sealed record BatchProgress(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("statusTitle")] string StatusTitle,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("processed")] int Processed,
    [property: JsonPropertyName("verified")] int Verified,
    [property: JsonPropertyName("notFound")] int NotFound,
    [property: JsonPropertyName("invalid")] int Invalid,
    [property: JsonPropertyName("percent")] int Percent,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("text")] string Text)
{
    public static BatchProgress Of(AgencyBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var percent = Percentage(batch.Processed, batch.Total, batch.Status);
        return new BatchProgress(
            BatchView.StatusName(batch.Status),
            TitleOf(batch.Status),
            batch.Total,
            batch.Processed,
            batch.Verified,
            batch.NotFound,
            batch.Invalid,
            percent,
            batch.Status is AgencyBatchStatus.Completed or AgencyBatchStatus.Rejected,
            batch.Status == AgencyBatchStatus.Rejected
                ? "فایل پذیرفته نشد."
                : $"{PersianText.ToPersianDigits(batch.Processed)} از {PersianText.ToPersianDigits(batch.Total)} ردیف پاسخ داده شد ({PersianText.ToPersianDigits(percent)}٪).");
    }

    /// <summary>Whole percent answered, rounded down so that 100 means every row; a completed batch is 100 even without rows.</summary>
    public static int Percentage(int processed, int total, AgencyBatchStatus status) =>
        status == AgencyBatchStatus.Completed ? 100
        : total <= 0 ? 0
        : (int)Math.Clamp((long)processed * 100 / total, 0, 100);

    public static string TitleOf(AgencyBatchStatus status) => status switch
    {
        AgencyBatchStatus.Queued => "در نوبت",
        AgencyBatchStatus.Running => "در حال پاسخ",
        AgencyBatchStatus.Completed => "پایان‌یافته",
        _ => "پذیرفته‌نشده",
    };
}
