namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>A document's bytes to send with its type and name; <see cref="Content"/> is null when the file is gone from the store.</summary>
public sealed record OpenedDocument(Stream? Content, string ContentType, string OriginalName);
