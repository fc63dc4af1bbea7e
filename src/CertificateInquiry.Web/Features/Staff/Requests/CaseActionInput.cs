using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// What every action form on the case page posts besides its own fields: the <see cref="InquiryRequest.Version"/> of
/// the request as the page showed it. The save uses it as the concurrency token's original value, so an action taken
/// on a page that a colleague has changed since is refused instead of overwriting what they did.
/// </summary>
public abstract class CaseActionInput
{
    public Guid Version { get; set; }

    /// <summary>Digits, Arabic letters and spaces tidied before validation (see <see cref="PersianText"/>).</summary>
    public virtual void Normalize()
    {
    }

    /// <summary>
    /// What the person typed into this form, as one text: shown back to them when a conflict leaves the form no longer
    /// on the page (the request moved on), so that nothing they wrote is lost.
    /// </summary>
    public virtual string? TypedText => null;

    /// <summary>Text typed by staff: normalized, and null when nothing is left.</summary>
    protected static string? Text(string? value) => PersianText.Normalize(value) is { Length: > 0 } text ? text : null;

    protected static string? Join(params string?[] parts) =>
        parts.Where(part => !string.IsNullOrEmpty(part)).ToList() is { Count: > 0 } typed ? string.Join(" — ", typed) : null;
}
