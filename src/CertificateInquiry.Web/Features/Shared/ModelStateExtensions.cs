using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CertificateInquiry.Web.Features.Shared;

public static class ModelStateExtensions
{
    /// <summary>FluentValidation's errors into ModelState, keyed by field name so the error summary links to each field.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }
}
