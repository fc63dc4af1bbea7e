namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>The document viewer page: one document of a request, by the request's id and tracking code.</summary>
public sealed record DocumentViewerPage(long RequestId, string? TrackingCode, CaseDocument Document)
{
    public string RequestPath => "/admin/requests/" + RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string DocumentPath => RequestPath + "/documents/" + Document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
