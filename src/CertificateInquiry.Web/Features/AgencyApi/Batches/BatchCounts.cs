namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>A batch's rows: all of them, those answered so far, and the answered ones by outcome.</summary>
public sealed record BatchCounts(int Total, int Processed, int Verified, int NotFound, int Invalid);
