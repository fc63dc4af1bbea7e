using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.WebUtilities;

namespace CertificateInquiry.Web.Features.Admin.AgencyInquiries;

/// <summary>The filters of the agencies' inquiry list, from the query string.</summary>
public sealed class AgencyInquiryQuery
{
    /// <summary>An agency's id, or empty for all.</summary>
    public string? Agency { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>The national code asked about: searched for by its keyed hash, never stored.</summary>
    public string? NationalCode { get; set; }

    public string? Page { get; set; }

    public void Normalize()
    {
        Agency = PersianText.NormalizeCode(Agency);
        From = PersianText.NormalizeCode(From);
        To = PersianText.NormalizeCode(To);
        NationalCode = PersianText.NormalizeCode(NationalCode);
    }

    public string Url(int page)
    {
        var values = new Dictionary<string, string?>
        {
            [nameof(Agency)] = Agency,
            [nameof(From)] = From,
            [nameof(To)] = To,
            [nameof(NationalCode)] = NationalCode,
            [nameof(Page)] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(AgencyInquiriesController.Path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
