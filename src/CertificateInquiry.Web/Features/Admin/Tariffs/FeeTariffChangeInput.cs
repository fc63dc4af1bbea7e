using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Tariffs;

/// <summary>The form that changes a year's amount; <see cref="OriginalAmount"/> is the amount the form was drawn with.</summary>
public sealed class FeeTariffChangeInput
{
    public string? Amount { get; set; }

    public long OriginalAmount { get; set; }
}

public sealed class FeeTariffChangeInputValidator : AbstractValidator<FeeTariffChangeInput>
{
    public FeeTariffChangeInputValidator() =>
        RuleFor(i => i.Amount).Custom((amount, context) =>
        {
            if (TariffInput.TryParseAmount(amount, out _) is { } error)
            {
                context.AddFailure(error);
            }
        });
}
