namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>The «register a letter» page: the form, the registered agencies to pick from, and rows that could not be read.</summary>
public sealed record RegisterPage(
    RegisterLetterInput Input,
    IReadOnlyList<(string Value, string Text)> Agencies,
    IReadOnlyList<(string Value, string Text)>? Provinces,
    IReadOnlyList<CheckedRow>? InvalidRows);
