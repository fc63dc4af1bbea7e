using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>A rendered receipt: the PDF and the name the browser saves it under.</summary>
public sealed record RequestReceiptFile(byte[] Pdf, string FileName)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// The one builder of a submitted request's receipt PDF, whichever door the applicant comes through: the browser
/// that filed it (its access cookie) or the tracking page (both tracking keys). The caller chooses the request; this
/// loads what the receipt shows and renders it.
/// </summary>
public sealed class RequestReceipts(AppDbContext db, RequestReceiptDocument document, IOptions<RequestServiceLevels> serviceLevels, PublicAddress portal)
{
    /// <summary>The receipt of the one request <paramref name="select"/> keeps, or null when it keeps none.</summary>
    public async Task<RequestReceiptFile?> RenderAsync(Func<IQueryable<InquiryRequest>, IQueryable<InquiryRequest>> select, CancellationToken cancellationToken)
    {
        var request = await select(db.Requests.AsNoTracking())
            .Include(r => r.Standard).Include(r => r.Province).Include(r => r.Documents).Include(r => r.Payments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var pdf = document.Render(RequestReceipt.From(request, serviceLevels.Value, portal.For("/requests/track")));
        return new RequestReceiptFile(pdf, "tvto-request-" + request.TrackingCode + ".pdf");
    }
}
