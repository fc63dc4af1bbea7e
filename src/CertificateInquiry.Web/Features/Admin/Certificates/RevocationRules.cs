using System.Text.RegularExpressions;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Certificates;

/// <summary>The rules of a reason: not too long, and no national code or other long number about a person in it.</summary>
public static partial class RevocationRules
{
    public const int MaxReasonLength = 500;
    public const string ReasonRequired = "دلیل ابطال را بنویسید؛ مثلاً شماره و تاریخ نامه یا رأیی که ابطال را خواسته است.";
    public const string ReasonTooLong = "دلیل حداکثر ۵۰۰ نویسه است.";
    public const string ReasonHasPersonalNumber =
        "کد ملی یا شماره‌های ده‌رقمی دیگر را در دلیل ننویسید؛ این متن در سوابق می‌ماند. شماره نامه را با خط تیره یا ممیز بنویسید.";

    /// <summary>Ten digits or more in a row (ASCII after normalizing): a national code, a mobile number.</summary>
    public static bool HasPersonalNumber(string? reason) => reason is not null && LongNumber().IsMatch(reason);

    public static void AddReasonRules<T>(IRuleBuilderInitial<T, string?> reason) =>
        reason
            .MaximumLength(MaxReasonLength).WithMessage(ReasonTooLong)
            .Must(text => !HasPersonalNumber(text)).WithMessage(ReasonHasPersonalNumber);

    [GeneratedRegex("[0-9]{10,}")]
    private static partial Regex LongNumber();
}
