using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// The one check of an agency's query, for the API's single inquiry, each batch row, the agency portal's form and a
/// paper letter's rows: the keys normalized exactly as the public forms normalize them (any digit script, Arabic
/// letters, spaces), then checked by the same rules (<see cref="InquiryInputRules"/>).
/// </summary>
public static class AgencyQueryRules
{
    /// <summary>A value longer than this is refused before it is normalized: no field of a query is anywhere near it.</summary>
    public const int MaxRawLength = 256;

    /// <summary>The normalized query, or null with every refused field in <paramref name="errors"/>.</summary>
    public static AgencyQuery? Check(
        string? nationalCode, string? certificateNumber, string? firstName, string? lastName, bool certificateNumberOptional, List<ApiFieldError> errors)
    {
        var before = errors.Count;
        var code = Code("nationalCode", nationalCode, errors);
        var number = Code("certificateNumber", certificateNumber, errors);
        var first = Name("firstName", "نام", firstName, errors);
        var last = Name("lastName", "نام خانوادگی", lastName, errors);

        if (code is { Length: 0 })
        {
            errors.Add(new("nationalCode", "missing_national_code", InquiryInputRules.NationalCodeRequired, "nationalCode is required."));
        }
        else if (code is not null && !HolderIdentifier.IsValid(code))
        {
            errors.Add(new("nationalCode", "invalid_national_code", HolderIdentifier.Refusal(code),
                "nationalCode is neither a valid national code (10 digits with a check digit) nor a foreign national's unique identifier (12 digits, not all equal)."));
        }

        if (number is { Length: 0 } && !certificateNumberOptional)
        {
            errors.Add(new("certificateNumber", "missing_certificate_number", "شماره گواهینامه را وارد کنید.",
                "certificateNumber is required (only clients with the inquiry.person scope may leave it out)."));
        }
        else if (number is { Length: > 0 } && !InquiryInputRules.IsWellFormedNumber(number))
        {
            errors.Add(new("certificateNumber", "invalid_certificate_number", InquiryInputRules.NumberCharactersMessage("شماره گواهینامه"),
                "certificateNumber may hold only digits, Latin capitals, '-' and '/', at most 32 characters."));
        }

        return errors.Count == before ? new AgencyQuery(code!, number is { Length: > 0 } ? number : null, first, last) : null;
    }

    private static string? Code(string field, string? value, List<ApiFieldError> errors)
    {
        if (value is { Length: > MaxRawLength })
        {
            errors.Add(new(field, "field_too_long", "مقدار این ستون بیش از اندازه بلند است.", $"{field} is too long."));
            return null;
        }

        return PersianText.NormalizeCode(value);
    }

    private static string? Name(string field, string title, string? value, List<ApiFieldError> errors)
    {
        if (value is { Length: > MaxRawLength })
        {
            errors.Add(new(field, "field_too_long", $"{title} بیش از اندازه بلند است.", $"{field} is too long."));
            return null;
        }

        var normalized = PersianText.Normalize(value);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (normalized.Length > DataLimits.Name || !PersonName.IsValid(normalized))
        {
            errors.Add(new(field, "invalid_name", title + PersonName.RefusalSuffix, $"{field}, when given, must be a name in Persian letters."));
            return null;
        }

        return normalized;
    }
}
