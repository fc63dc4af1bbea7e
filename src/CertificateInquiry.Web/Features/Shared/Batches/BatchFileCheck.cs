namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>The outcome of reading a whole batch file once without keeping its rows.</summary>
public sealed record BatchFileCheck(BatchFileFormat? Format, int Rows, BatchFileRejection? Rejection)
{
    public bool IsAccepted => Rejection is null;
}
