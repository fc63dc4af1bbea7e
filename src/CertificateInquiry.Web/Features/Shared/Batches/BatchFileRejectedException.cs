namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// Thrown while the rows of a batch file are read when the file turns out unreadable as a whole (a line that is not
/// UTF-8, the row after the last allowed one, a broken workbook). Nothing read from it before should be kept.
/// </summary>
public sealed class BatchFileRejectedException : Exception
{
    public BatchFileRejectedException(BatchFileRejection rejection)
        : base($"The batch file is rejected: {rejection.Code}.") => Rejection = rejection;

    public BatchFileRejectedException(BatchFileRejection rejection, Exception innerException)
        : base($"The batch file is rejected: {rejection.Code}.", innerException) => Rejection = rejection;

    public BatchFileRejection Rejection { get; }
}
