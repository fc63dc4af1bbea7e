namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>The two formats of agency batch files, for reading (decided by the bytes) and for results.</summary>
public enum BatchFileFormat
{
    Csv,
    Xlsx,
}
