namespace CertificateInquiry.Web.Features.Shared;

/// <summary>What _ChoiceField.cshtml draws: a fieldset of radio buttons, or a select when <paramref name="AsSelect"/>.</summary>
public sealed record ChoiceField(
    string Name,
    string Legend,
    string? Value,
    IReadOnlyList<(string Value, string Text)> Options,
    string? Hint = null,
    bool AsSelect = false,
    bool Inline = true,
    string? Placeholder = null);
