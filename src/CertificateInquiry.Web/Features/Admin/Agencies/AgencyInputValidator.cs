using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

public sealed class AgencyInputValidator : AbstractValidator<AgencyInput>
{
    public const string KindRequired = "نوع دستگاه را انتخاب کنید.";
    public const string ScopesRequired = "دست‌کم یک دسترسی را انتخاب کنید.";
    public const string ScopeUnknown = "دسترسی انتخاب‌شده شناخته نیست؛ از فهرست انتخاب کنید.";
    public const string QuotaRequired = "سهمیه روزانه را وارد کنید.";
    public const string ExpiryInvalid = "تاریخ پایان را شمسی بنویسید؛ مثلاً ۱۴۰۶/۰۱/۰۱.";
    public const string ExpiryPast = "تاریخ پایان گذشته است؛ برای قطع دسترسی دستگاه، آن را تعلیق کنید.";
    public const string EmailInvalid = "نشانی ایمیل معتبر نیست؛ به این شکل بنویسید: name@example.ir";
    public const string PhoneInvalid = "شماره تلفن را فقط با رقم بنویسید (۸ تا ۱۴ رقم)؛ مثلاً ۰۲۱۸۸۷۷۶۶۵۵.";
    public const string ContactNameTooLong = "نام رابط حداکثر ۲۰۰ نویسه است.";

    public static readonly string QuotaInvalid =
        $"سهمیه روزانه را با رقم بنویسید: عددی از ۱ تا {PersianText.ToPersianDigits(AgencyRules.MaxDailyRowQuota)}.";

    public AgencyInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.Name).Custom((name, context) =>
        {
            if (AgencyRules.NameError(name ?? "") is { } error)
            {
                context.AddFailure(error);
            }
        });
        RuleFor(i => i.Kind).Must((input, _) => input.ParsedKind() is not null).WithMessage(KindRequired);
        RuleFor(i => i.Scopes).Cascade(CascadeMode.Stop)
            .Must(scopes => scopes.Count > 0).WithMessage(ScopesRequired)
            .Must((input, _) => input.ParsedScopes() is { } scopes && scopes != AgencyScopes.None).WithMessage(ScopeUnknown);
        RuleFor(i => i.DailyRowQuota).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(QuotaRequired)
            .Must((input, _) => input.ParsedQuota() is not null).WithMessage(QuotaInvalid);
        RuleFor(i => i.ExpiresOn).Cascade(CascadeMode.Stop)
            .Must((input, _) => input.ParsedExpiry() is not null).WithMessage(ExpiryInvalid)
            .Must((input, _) => input.ParsedExpiry() >= IranTime.Today(clock)).WithMessage(ExpiryPast).When(i => i.Version is null, ApplyConditionTo.CurrentValidator)
            .When(i => !string.IsNullOrEmpty(i.ExpiresOn));
        RuleFor(i => i.ContactName).MaximumLength(DataLimits.Title).WithMessage(ContactNameTooLong);
        RuleFor(i => i.ContactEmail).Cascade(CascadeMode.Stop)
            .MaximumLength(DataLimits.Email).WithMessage(EmailInvalid)
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage(EmailInvalid)
            .When(i => !string.IsNullOrEmpty(i.ContactEmail));
        RuleFor(i => i.ContactPhone)
            .Matches(@"^\+?[0-9]{8,14}$").WithMessage(PhoneInvalid)
            .When(i => !string.IsNullOrEmpty(i.ContactPhone));
    }
}
