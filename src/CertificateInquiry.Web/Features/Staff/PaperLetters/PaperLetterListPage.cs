namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>The list of paper letters of the user's province (every province for a national admin), newest first.</summary>
public sealed record PaperLetterListPage(IReadOnlyList<PaperLetterSummary> Letters, string? ScopeName, int Total, int Shown);
