namespace CertificateInquiry.Web.Features.Shared;

/// <summary>
/// What _TextField.cshtml draws: a labelled text input with its hint and error. <paramref name="Ltr"/> for codes,
/// numbers and addresses typed in Latin script.
/// </summary>
public sealed record TextField(
    string Name,
    string Label,
    string? Value,
    string? Hint = null,
    bool Optional = false,
    string Autocomplete = "off",
    string InputMode = "text",
    string Type = "text",
    bool Ltr = false,
    int MaxLength = 64,
    string? Example = null,
    string? DataList = null,
    string? CssClass = null);
