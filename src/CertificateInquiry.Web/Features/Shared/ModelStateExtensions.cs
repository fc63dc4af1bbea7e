using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CertificateInquiry.Web.Features.Shared;

public static class ModelStateExtensions
{
    /// <summary>
    /// A list filter's Jalali date: null when empty; when it cannot be read, null with a Persian error on
    /// <paramref name="field"/> (the queue, the staff audit and the agency inquiries filter by dates alike).
    /// </summary>
    public static DateOnly? ParseFilterDate(this ModelStateDictionary modelState, string? text, string field, string label)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (JalaliDate.TryParse(text, out var date))
        {
            return date;
        }

        modelState.AddModelError(field, label + " را به شکل سال/ماه/روز وارد کنید، مثلاً ۱۴۰۵/۰۱/۱۵.");
        return null;
    }

    /// <summary>FluentValidation's errors into ModelState, keyed by field name so the error summary links to each field.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }
}
