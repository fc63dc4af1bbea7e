using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>The search of the agencies list, from the query string.</summary>
public sealed class AgencyListQuery
{
    /// <summary>Part of an agency's name.</summary>
    public string? Q { get; set; }

    /// <summary>As typed in the address; <c>Paging.ParsePage</c> reads it.</summary>
    public string? Page { get; set; }

    public void Normalize()
    {
        Q = PersianText.Normalize(Q);
        if (Q.Length > 100)
        {
            Q = Q[..100];
        }
    }
}
