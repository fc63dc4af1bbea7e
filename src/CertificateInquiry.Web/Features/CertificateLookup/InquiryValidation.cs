using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Audit;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.CertificateLookup;

internal static class InquiryValidation
{
    /// <summary>
    /// Validates an inquiry's (normalized) input. When it is refused the errors go to ModelState, the attempt is
    /// audited as invalid and logged by field name only (never the values), and false is returned.
    /// </summary>
    public static async Task<bool> AcceptAsync<T>(
        this Controller controller, IValidator<T> validator, T input, InquiryAudit audit, InquiryChannel channel,
        ILogger logger, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (validation.IsValid)
        {
            return true;
        }

        controller.ModelState.AddErrors(validation);
        audit.Record(controller.HttpContext, channel, InquiryOutcome.Invalid);
        logger.LogInformation("{Channel} refused: {Fields} invalid", channel, string.Join(',', validation.Errors.Select(e => e.PropertyName).Distinct()));
        return false;
    }
}
