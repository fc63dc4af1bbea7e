using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Tariffs;

/// <summary>The form that adds a year's tariff.</summary>
public sealed class NewFeeTariffInput
{
    public string? JalaliYear { get; set; }

    public string? Amount { get; set; }
}

public sealed class NewFeeTariffInputValidator : AbstractValidator<NewFeeTariffInput>
{
    public NewFeeTariffInputValidator()
    {
        RuleFor(i => i.JalaliYear).Custom((year, context) =>
        {
            if (TariffInput.TryParseYear(year, out _) is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(i => i.Amount).Custom((amount, context) =>
        {
            if (TariffInput.TryParseAmount(amount, out _) is { } error)
            {
                context.AddFailure(error);
            }
        });
    }
}
