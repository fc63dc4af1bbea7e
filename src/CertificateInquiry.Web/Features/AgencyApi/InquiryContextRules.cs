using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Reads the purpose, case reference and officer ID of an API request: from the body's fields (JSON, or the multipart
/// form of a batch), else from the headers <c>X-Inquiry-Purpose</c>, <c>X-Case-Reference</c> and <c>X-Officer-Id</c>.
/// </summary>
public static class InquiryContextRules
{
    public const string PurposeHeader = "X-Inquiry-Purpose";
    public const string CaseReferenceHeader = "X-Case-Reference";
    public const string OfficerIdHeader = "X-Officer-Id";

    /// <summary>The wire names of the purposes, as the API documents them.</summary>
    public static readonly IReadOnlyDictionary<string, InquiryPurpose> Purposes = new Dictionary<string, InquiryPurpose>(StringComparer.Ordinal)
    {
        ["employment"] = InquiryPurpose.Employment,
        ["judicial"] = InquiryPurpose.Judicial,
        ["education"] = InquiryPurpose.Education,
        ["licensing"] = InquiryPurpose.Licensing,
        ["other"] = InquiryPurpose.Other,
    };

    public static string WireName(InquiryPurpose purpose) => Purposes.First(entry => entry.Value == purpose).Key;

    public static string Title(InquiryPurpose purpose) => purpose switch
    {
        InquiryPurpose.Employment => "استخدام و به‌کارگیری",
        InquiryPurpose.Judicial => "قضایی",
        InquiryPurpose.Education => "آموزشی",
        InquiryPurpose.Licensing => "صدور مجوز و پروانه",
        _ => "سایر",
    };

    /// <summary>The context, or null with the reasons added to <paramref name="errors"/>.</summary>
    public static InquiryContext? Read(HttpRequest request, string? purpose, string? caseReference, string? officerId, List<ApiFieldError> errors)
    {
        purpose ??= Header(request, PurposeHeader);
        caseReference ??= Header(request, CaseReferenceHeader);
        officerId ??= Header(request, OfficerIdHeader);

        var normalizedPurpose = PersianText.NormalizeCode(purpose).ToLowerInvariant();
        InquiryPurpose? knownPurpose = Purposes.TryGetValue(normalizedPurpose, out var found) ? found : null;
        if (normalizedPurpose.Length == 0)
        {
            errors.Add(new("purpose", "missing_purpose", "هدف استعلام را بنویسید.", "purpose is required: one of " + string.Join(", ", Purposes.Keys) + "."));
        }
        else if (knownPurpose is null)
        {
            errors.Add(new("purpose", "invalid_purpose", "هدف استعلام باید یکی از مقدارهای فهرست‌شده باشد.", "purpose must be one of " + string.Join(", ", Purposes.Keys) + "."));
        }

        var reference = Reference("caseReference", "شماره پرونده", caseReference, errors);
        var officer = Reference("officerId", "شناسه کارشناس", officerId, errors);
        return knownPurpose is { } known && reference is not null && officer is not null ? new InquiryContext(known, reference, officer) : null;
    }

    /// <summary>A batch form's <c>confidential</c> field: absent or empty is false; otherwise true or false.</summary>
    public static bool ReadConfidential(string? value, List<ApiFieldError> errors)
    {
        var normalized = PersianText.NormalizeCode(value).ToLowerInvariant();
        if (normalized is "" or "false")
        {
            return false;
        }

        if (normalized == "true")
        {
            return true;
        }

        errors.Add(new("confidential", "invalid_confidential", "مقدار محرمانه بودن باید true یا false باشد.", "confidential, when given, must be true or false."));
        return false;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>The agency's own identifier, kept as sent (trimmed, digits made Latin): 1 to 64 printable characters.</summary>
    private static string? Reference(string field, string title, string? value, List<ApiFieldError> errors)
    {
        var normalized = PersianText.Normalize(value);
        if (normalized.Length == 0)
        {
            errors.Add(new(field, "missing_" + Snake(field), $"{title} را بنویسید.", $"{field} is required."));
            return null;
        }

        if (normalized.Length > DataLimits.AgencyReference)
        {
            errors.Add(new(field, "field_too_long", $"{title} حداکثر {PersianText.ToPersianDigits(DataLimits.AgencyReference)} نویسه است.", $"{field} is at most {DataLimits.AgencyReference} characters."));
            return null;
        }

        if (normalized.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            errors.Add(new(field, "invalid_characters", $"{title} نویسه نامجاز دارد.", $"{field} contains characters that are not allowed."));
            return null;
        }

        return PersianText.NormalizeDigits(normalized);
    }

    private static string Snake(string camel) => string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
