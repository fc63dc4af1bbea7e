using CertificateInquiry.Web.Infrastructure.Signing;

namespace CertificateInquiry.Web.Features.AnswerVerification;

/// <summary>What the verify page says, in Persian, for each verdict of <see cref="AnswerSigner.Check"/>.</summary>
public static class AnswerCheckMessages
{
    public const string Empty = "متن پاسخ امضاشده را وارد کنید.";

    public const string TooLarge =
        "متن واردشده بیش از اندازه بلند است. یک پاسخ امضاشده چند هزار نویسه است؛ فقط متن پاسخ امضاشده را بچسبانید.";

    public static string Refusal(SignedAnswerOutcome outcome) => outcome switch
    {
        SignedAnswerOutcome.TooLarge => TooLarge,
        SignedAnswerOutcome.WrongAlgorithm =>
            "این متن با روشی امضا شده است که این سامانه به کار نمی‌برد. آن را سامانه استعلام سازمان صادر نکرده است.",
        SignedAnswerOutcome.UnknownKey =>
            "این متن با کلیدی امضا شده است که از کلیدهای این سامانه نیست. آن را سامانه استعلام سازمان صادر نکرده است.",
        SignedAnswerOutcome.BadSignature or SignedAnswerOutcome.FileMismatch =>
            "امضای این متن با محتوای آن نمی‌خواند: پس از صدور تغییر کرده یا ساختگی است. به آن اعتماد نکنید.",
        _ =>
            "این متن یک پاسخ امضاشده نیست. پاسخ امضاشده سه بخش دارد که با نقطه از هم جدا شده‌اند؛ آن را کامل و بی‌تغییر از پاسخ سامانه رونوشت کنید.",
    };

    public static string KeyStatus(AnswerKeyStatus? status) => status switch
    {
        AnswerKeyStatus.Current => "کلید فعلی",
        AnswerKeyStatus.Next => "کلید بعدی",
        _ => "کلید بازنشسته (هنوز معتبر برای بررسی پاسخ‌های پیشین)",
    };
}
