using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>The applicant's two tracking keys as one query, so every page that takes them finds the same request.</summary>
public static class RequestTrackingKeys
{
    /// <summary>
    /// The submitted request whose tracking code and national code are both these (at most one: the tracking code is
    /// unique). Both keys are in one condition, so a wrong tracking code and a wrong national code cost the same and
    /// answer the same; a draft has no tracking code to be found by.
    /// </summary>
    public static IQueryable<InquiryRequest> WithTrackingKeys(this IQueryable<InquiryRequest> requests, string trackingCode, string nationalCode) =>
        requests.Where(r => r.TrackingCode == trackingCode && r.NationalCode == nationalCode && r.Status != RequestStatus.Draft);
}
