using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Certificates;

/// <summary>Why a revoked certificate is made valid again (optional).</summary>
public sealed class RestoreInput
{
    public string? Reason { get; set; }

    public void Normalize() => Reason = PersianText.Normalize(Reason);
}

public sealed class RestoreInputValidator : AbstractValidator<RestoreInput>
{
    public RestoreInputValidator() => RevocationRules.AddReasonRules(RuleFor(i => i.Reason));
}
