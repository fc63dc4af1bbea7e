namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>A page of the agency's batches, newest first.</summary>
public sealed record BatchList(int Page, int PageSize, int Total, IReadOnlyList<BatchView> Batches);
