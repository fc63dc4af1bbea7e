using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Certificates;

/// <summary>Why a certificate is revoked (required); kept in the staff audit trail and shown in the list of revoked ones.</summary>
public sealed class RevokeInput
{
    public string? Reason { get; set; }

    public void Normalize() => Reason = PersianText.Normalize(Reason);
}

public sealed class RevokeInputValidator : AbstractValidator<RevokeInput>
{
    public RevokeInputValidator()
    {
        RuleFor(i => i.Reason).NotEmpty().WithMessage(RevocationRules.ReasonRequired);
        RevocationRules.AddReasonRules(RuleFor(i => i.Reason));
    }
}
