using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Answers one agency query from the certificates the lookup reads (electronic, imported and digitized alike, every
/// program): the API's single inquiry, each batch row, the agency portal's form and the rows of a paper letter.
/// </summary>
public sealed class AgencyFinder(ICertificateLookups lookups, TimeProvider clock)
{
    public async Task<AgencyFinding> FindAsync(AgencyQuery query)
    {
        var records = query.CertificateNumber is { } number
            ? await lookups.FindAsync(number, query.NationalCode) is { } record ? [record] : []
            : await lookups.FindAllByNationalCodeAsync(query.NationalCode);
        if (records.Count == 0)
        {
            return new AgencyFinding([], null, null);
        }

        var today = IranTime.Today(clock);
        var holder = records[0];
        return new AgencyFinding(
            [.. records.Select(record => CertificateFacts.From(record, today))],
            NameComparison.Compare(query.FirstName, holder.FirstName),
            NameComparison.Compare(query.LastName, holder.LastName),
            holder.Nationality);
    }
}
