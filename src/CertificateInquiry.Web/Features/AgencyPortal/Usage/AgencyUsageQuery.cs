using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.WebUtilities;

namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>The usage page's filters from the query string: Jalali dates in any digit script.</summary>
public sealed class AgencyUsageQuery
{
    public string? From { get; set; }

    public string? To { get; set; }

    public void Normalize()
    {
        From = Cut(PersianText.NormalizeCode(From));
        To = Cut(PersianText.NormalizeCode(To));
    }

    /// <summary>The address of the page (or, with <paramref name="path"/>, of its CSV) for a range.</summary>
    public static string Url(string path, AgencyUsageRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
        {
            ["from"] = JalaliDate.Format(range.From),
            ["to"] = JalaliDate.Format(range.To),
        });
    }

    private static string Cut(string text) => text.Length > 32 ? text[..32] : text;
}
