namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>Why a batch file cannot be read as a whole: a stable code for programs and a Persian message for people.</summary>
public sealed record BatchFileRejection(string Code, string Message)
{
    public static BatchFileRejection NotUtf8 { get; } = new(
        "not_utf8",
        "فایل CSV با کدگذاری UTF-8 ذخیره نشده است؛ در Excel گزینه «CSV UTF-8» را هنگام ذخیره برگزینید.");

    public static BatchFileRejection NotASpreadsheet { get; } = new(
        "not_a_spreadsheet",
        "فایل، CSV یا کاربرگ Excel (XLSX) خوانا نیست؛ فایل را از روی الگو با قالب CSV UTF-8 یا XLSX ذخیره کنید.");

    public static BatchFileRejection WrongColumns { get; } = new(
        "wrong_columns",
        "سطر عنوان فایل درست نیست؛ ستون‌ها باید دقیقاً این‌ها باشند: " + BatchColumns.HeaderLine);

    public static BatchFileRejection Empty { get; } = new(
        "empty",
        "فایل هیچ سطر داده‌ای ندارد؛ زیر سطر عنوان دست‌کم یک سطر بنویسید.");

    public static BatchFileRejection TooManyRows(int maxRows) => new(
        "too_many_rows",
        $"فایل بیش از {Infrastructure.Persian.PersianText.ToPersianDigits(maxRows)} سطر داده دارد؛ آن را به چند فایل بخش کنید.");

    public static BatchFileRejection TooLarge(long maxBytes) => new(
        "too_large",
        $"حجم فایل بیش از {Infrastructure.Persian.PersianText.ToPersianDigits(maxBytes / (1024 * 1024))} مگابایت است؛ آن را به چند فایل بخش کنید.");
}
