namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// The reason codes of invalid batch rows (ADR-025), in the order <see cref="BatchRowCheck"/> tries them: a row gets the
/// first that applies. The codes are part of the API; the Persian descriptions are for the agency portal and docs.
/// </summary>
public static class BatchRowReasons
{
    public const string FieldTooLong = "field_too_long";
    public const string WrongFieldCount = "wrong_field_count";
    public const string MissingRowId = "missing_row_id";
    public const string InvalidRowId = "invalid_row_id";
    public const string DuplicateRowId = "duplicate_row_id";
    public const string MissingNationalCode = "missing_national_code";
    public const string InvalidNationalCode = "invalid_national_code";
    public const string MissingCertificateNumber = "missing_certificate_number";
    public const string InvalidCertificateNumber = "invalid_certificate_number";
    public const string InvalidName = "invalid_name";
    public const string DuplicateRow = "duplicate_row";

    /// <summary>Every code with what it means, in checking order.</summary>
    public static IReadOnlyList<(string Code, string Description)> All { get; } =
    [
        (FieldTooLong, "مقدار یکی از خانه‌ها بیش از اندازه بلند است."),
        (WrongFieldCount, "سطر بیرون از پنج ستون الگو هم مقدار دارد (مثلاً ویرگولی بی‌نقل‌قول در نام)."),
        (MissingRowId, "شناسه سطر (row_id) خالی است."),
        (InvalidRowId, "شناسه سطر بیش از ۶۴ نویسه یا دارای نویسه‌های کنترلی است."),
        (DuplicateRowId, "شناسه سطر در سطری پیش‌تر در همین فایل آمده است."),
        (MissingNationalCode, "کد ملی یا کد یکتای اتباع خالی است."),
        (InvalidNationalCode, "نه کد ملی ده‌رقمی درست (با رقم کنترل معتبر) است و نه کد یکتای دوازده‌رقمی اتباع."),
        (MissingCertificateNumber, "شماره گواهینامه خالی است (فقط با مجوز استعلام فرد می‌تواند خالی بماند)."),
        (InvalidCertificateNumber, "شماره گواهینامه جز رقم، حروف لاتین، خط تیره و ممیز دارد یا بیش از ۳۲ نویسه است."),
        (InvalidName, "نام یا نام خانوادگی با حروف فارسی نوشته نشده است."),
        (DuplicateRow, "همین کد ملی (یا کد یکتای اتباع) و شماره گواهینامه در سطری پیش‌تر در همین فایل آمده و یک بار پاسخ داده می‌شود."),
    ];
}
