using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>What Shahkar and the civil registry said of the applicant, in the words the case page uses.</summary>
public static class CaseIdentityText
{
    public static string Mobile(MobileOwnership ownership) => ownership switch
    {
        MobileOwnership.Confirmed => "شاهکار تأیید کرد که این شماره به نام متقاضی است.",
        MobileOwnership.NotConfirmed => "شماره همراه با شاهکار تأیید نشد (سامانه شاهکار در دسترس نبود).",
        _ => "",
    };

    /// <summary>Said in place of Shahkar's answer for a foreign national: Shahkar knows Iranian national codes only.</summary>
    public const string ForeignMobile = "برای اتباع خارجی از شاهکار استعلام نمی‌شود؛ شماره همراه فقط با کد پیامکی تأیید شده است.";

    /// <summary>Said in place of the civil registry's answer for a foreign national.</summary>
    public const string ForeignIdentity = "برای اتباع خارجی از ثبت احوال استعلام نمی‌شود؛ هویت را با کارت اقامت یا گذرنامه بررسی کنید.";

    public static string Identity(IdentityCheck check, string? differences) => check switch
    {
        IdentityCheck.Confirmed => "هویت تأیید شد: کد ملی، تاریخ تولد و نام‌ها با ثبت احوال یکی است.",
        IdentityCheck.Differs => "با ثبت احوال یکی نیست: " + string.Join("، ", Fields(differences)) + ". تصمیم با کارشناس است.",
        IdentityCheck.NotFound => "ثبت احوال کسی را با این کد ملی و تاریخ تولد نیافت.",
        IdentityCheck.Unavailable => "استعلام ثبت احوال انجام نشد (سامانه در دسترس نبود).",
        _ => "",
    };

    private static IEnumerable<string> Fields(string? differences) =>
        (differences ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => Enum.TryParse<IdentityField>(field, out var known) ? known : (IdentityField?)null)
            .Select(field => field switch
            {
                IdentityField.FirstName => "نام",
                IdentityField.LastName => "نام خانوادگی",
                IdentityField.FatherName => "نام پدر",
                _ => "اطلاعات دیگر",
            });
}
