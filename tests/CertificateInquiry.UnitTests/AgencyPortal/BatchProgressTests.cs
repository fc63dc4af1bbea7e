using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyPortal.Batches;

namespace CertificateInquiry.UnitTests.AgencyPortal;

public sealed class BatchProgressTests
{
    [Theory]
    [InlineData(0, 10, AgencyBatchStatus.Queued, 0)]
    [InlineData(5, 10, AgencyBatchStatus.Running, 50)]
    [InlineData(999, 1000, AgencyBatchStatus.Running, 99)]
    [InlineData(1000, 1000, AgencyBatchStatus.Running, 100)]
    [InlineData(0, 0, AgencyBatchStatus.Running, 0)]
    [InlineData(0, 0, AgencyBatchStatus.Completed, 100)]
    [InlineData(100_000, 100_000, AgencyBatchStatus.Completed, 100)]
    public void The_percentage_is_rounded_down_so_that_100_means_every_row(int processed, int total, AgencyBatchStatus status, int expected)
    {
        Assert.Equal(expected, BatchProgress.Percentage(processed, total, status));
    }

    [Fact]
    public void A_rejected_batch_is_done_and_says_so_in_Persian()
    {
        var batch = new AgencyBatch
        {
            Id = new string('a', 32), IdempotencyKey = "k", FileSha256 = "", CaseReference = "c", OfficerId = "o", FileName = "f.csv",
            ClientAddressHash = "", Status = AgencyBatchStatus.Rejected, RejectionCode = "not_utf8",
        };

        var progress = BatchProgress.Of(batch);

        Assert.True(progress.Done);
        Assert.Equal("rejected", progress.Status);
        Assert.Equal("پذیرفته‌نشده", progress.StatusTitle);
    }

    [Fact]
    public void A_running_batch_tells_its_rows_in_Persian_digits()
    {
        var batch = new AgencyBatch
        {
            Id = new string('a', 32), IdempotencyKey = "k", FileSha256 = "", CaseReference = "c", OfficerId = "o", FileName = "f.csv",
            ClientAddressHash = "", Status = AgencyBatchStatus.Running, Total = 40, Processed = 10,
        };

        var progress = BatchProgress.Of(batch);

        Assert.False(progress.Done);
        Assert.Equal(25, progress.Percent);
        Assert.Contains("۱۰ از ۴۰", progress.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("portal-0123456789abcdef", true)]
    [InlineData("has space", false)]
    [InlineData("کلید", false)]
    public void Only_printable_ASCII_keys_of_at_most_64_characters_are_idempotency_keys(string? key, bool expected)
    {
        Assert.Equal(expected, BatchUploadForm.IsKey(key));
        Assert.False(BatchUploadForm.IsKey(new string('k', 65)));
        Assert.True(BatchUploadForm.IsKey(BatchUploadForm.NewKey()));
    }
}
