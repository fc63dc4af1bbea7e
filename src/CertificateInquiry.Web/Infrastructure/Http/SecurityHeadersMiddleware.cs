namespace CertificateInquiry.Web.Infrastructure.Http;

public static class SecurityHeadersMiddleware
{
    // Everything the pages need is served by the portal itself; the policy makes any external request fail.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context);
        });

    /// <summary>
    /// Lets the page being rendered submit a form that ends at <paramref name="origin"/>: a payment form posts here
    /// and is redirected to the bank's page, and browsers apply <c>form-action</c> to that redirect as well.
    /// </summary>
    public static void AllowFormSubmissionTo(HttpResponse response, Uri origin)
    {
        var source = origin.GetLeftPart(UriPartial.Authority);
        response.Headers.ContentSecurityPolicy = response.Headers.ContentSecurityPolicy.ToString()
            .Replace("form-action 'self'", "form-action 'self' " + source, StringComparison.Ordinal);
    }
}
