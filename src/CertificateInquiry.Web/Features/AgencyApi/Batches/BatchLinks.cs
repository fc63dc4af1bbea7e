namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>Where a batch and, once it is completed and until its results are deleted, its results and their signatures are.</summary>
public sealed record BatchLinks(string Self, string? ResultsCsv, string? ResultsXlsx, string? SignatureCsv, string? SignatureXlsx);
