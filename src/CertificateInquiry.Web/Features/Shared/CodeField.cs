namespace CertificateInquiry.Web.Features.Shared;

/// <summary>What _CodeField.cshtml draws.</summary>
public sealed record CodeField(
    string Name,
    string Label,
    string Hint,
    string? Value,
    bool Numeric = true,
    bool Optional = false,
    string Autocomplete = "off",
    int MaxLength = 40);
