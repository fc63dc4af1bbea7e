namespace CertificateInquiry.Web.Domain;

/// <summary>
/// The Persian names of a certificate's kind, program, source and status: the one place every page, document and
/// letter takes them from, for staff and public alike. The program (<see cref="TrainingProgram"/>) is named here for
/// the back-office only; no public page, report or letter shows it (ADR-017).
/// </summary>
public static class CertificateTitles
{
    /// <summary>«گواهینامه مهارت» or «پروانه مهارت»; a value outside the enum reads as a certificate, the common kind.</summary>
    public static string Kind(CertificateKind kind) => kind switch
    {
        CertificateKind.License => "پروانه مهارت",
        CertificateKind.Certificate => "گواهینامه مهارت",
        _ => "گواهینامه مهارت",
    };

    /// <summary>Where the holder was trained, as staff choose it on the case page. Never shown in public (ADR-017).</summary>
    public static string Program(TrainingProgram program) => program switch
    {
        TrainingProgram.Tvto => "مراکز سازمان آموزش فنی و حرفه‌ای",
        TrainingProgram.Education => "آموزش و پرورش",
        TrainingProgram.Judiciary => "قوه قضائیه",
        TrainingProgram.Partner => "طرف تفاهم‌نامه",
        _ => Unknown,
    };

    /// <summary>How the record came into the portal, for the back-office.</summary>
    public static string Source(RecordSource source) => source switch
    {
        RecordSource.Electronic => "صادرشده در سامانه سازمان",
        RecordSource.Imported => "واردشده از سامانه‌های دیگر",
        RecordSource.DigitizedFromPaper => "یافته‌شده در بایگانی کاغذی استان",
        _ => Unknown,
    };

    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Revoked => "ابطال‌شده",
        CertificateStatus.Valid => "معتبر",
        _ => Unknown,
    };

    /// <summary>Every value of <typeparamref name="TEnum"/> with its title, in the enum's order, for a select or radio list.</summary>
    public static IReadOnlyList<(string Value, string Text)> Options<TEnum>(Func<TEnum, string> title)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(title);
        return Enum.GetValues<TEnum>().Select(value => (value.ToString(), title(value))).ToList();
    }

    private const string Unknown = "نامشخص";
}
