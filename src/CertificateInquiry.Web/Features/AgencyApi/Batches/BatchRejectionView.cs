namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>Why a file was refused as a whole: a stable code (ADR-025), a Persian message for people and an English one for developers.</summary>
public sealed record BatchRejectionView(string Code, string Message, string MessageEn);
