using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Requests.Tracking;

/// <summary>The tracking form: the tracking code from the receipt and the applicant's national code, both required.</summary>
public sealed class RequestTrackingInput
{
    public string? TrackingCode { get; set; }

    public string? NationalCode { get; set; }

    /// <summary>Digits of any script to ASCII, spaces and dashes people type between groups out.</summary>
    public void Normalize()
    {
        TrackingCode = PersianText.NormalizeCode(TrackingCode).Replace("-", "", StringComparison.Ordinal);
        NationalCode = PersianText.NormalizeCode(NationalCode);
    }
}

public sealed class RequestTrackingInputValidator : AbstractValidator<RequestTrackingInput>
{
    public const string TrackingCodeRequired = "کد رهگیری را وارد کنید.";
    public const string TrackingCodeMalformed = "کد رهگیری ۱۲ رقم است؛ آن را دوباره بررسی کنید.";

    public RequestTrackingInputValidator()
    {
        // The check digit catches a mistyped code here, before any search and without telling anything about
        // which requests exist.
        RuleFor(i => i.TrackingCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(TrackingCodeRequired)
            .Must(code => Domain.Requests.TrackingCode.IsWellFormed(code)).WithMessage(TrackingCodeMalformed);
        RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(InquiryInputRules.NationalCodeRequired)
            .ValidNationalCode();
    }
}
