using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Requests.Form;

internal static class NameRules
{
    /// <summary>The portal's one rule for names (see <see cref="PersonName"/>), shared with the certificate import.</summary>
    public static bool IsPersianName(string? name) => PersonName.IsValid(name);

    public static IRuleBuilderOptions<T, string?> PersianName<T>(this IRuleBuilderInitial<T, string?> rule, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"{what} را وارد کنید.")
            .MaximumLength(DataLimits.Name).WithMessage($"{what} حداکثر {PersianText.ToPersianDigits(DataLimits.Name)} حرف است.")
            .Must(IsPersianName).WithMessage(what + PersonName.RefusalSuffix);
}
