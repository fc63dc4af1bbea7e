namespace CertificateInquiry.Web.Features.Shared;

/// <summary>What _CodeField.cshtml draws. <paramref name="Example"/> is a code shown after the hint, left to right.</summary>
public sealed record CodeField(
    string Name,
    string Label,
    string Hint,
    string? Value,
    string? Example = null,
    bool Numeric = true,
    bool Optional = false,
    string Autocomplete = "off",
    int MaxLength = 40);
