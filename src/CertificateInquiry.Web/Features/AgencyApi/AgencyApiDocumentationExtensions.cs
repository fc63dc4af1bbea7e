using Scalar.AspNetCore;

namespace CertificateInquiry.Web.Features.AgencyApi;

public static class AgencyApiDocumentationExtensions
{
    /// <summary>The OpenAPI document and its reference page (Scalar, served from the portal itself: no CDN).</summary>
    public static WebApplication MapAgencyApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(AgencyApiDocument.Route);
        // Only Scalar's own files are used from here (its page has an inline script, which the portal's policy refuses);
        // the page itself is ApiReferenceController's.
        app.MapScalarApiReference(AgencyApiDocument.ReferenceRoute + "/assets", options => options
            .WithTitle("TVTO inquiry API")
            .WithOpenApiRoutePattern(AgencyApiDocument.Route));
        return app;
    }
}
