using CertificateInquiry.Web.Features.Shared.Inquiry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// Cross-site request protection for the anonymous inquiry forms (lookup, report, license check), in place of the
/// antiforgery token the rest of the portal checks (ADR-013). These posts act for no one: no sign-in, no session, no
/// change but their audit entry, and their answer cannot be read by another site. What a forged post could still do
/// is spend a visitor's inquiry allowance, so a post that a browser marks as coming from another site is refused
/// with 400, as a missing token would be. The token's Data Protection work was a third of a lookup's CPU.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginInquiryAttribute : Attribute, IAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    /// <summary>The order of MVC's own antiforgery filters: with equal order the action's filter is the nearer policy.</summary>
    public int Order => 1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        // The nearest antiforgery policy wins: the portal-wide token check stands aside for these actions.
        if (!context.IsEffectivePolicy<IAntiforgeryPolicy>(this) || IsSameOrigin(context.HttpContext.Request))
        {
            return;
        }

        context.HttpContext.RequestServices.GetRequiredService<ILogger<SameOriginInquiryAttribute>>()
            .CrossSitePostRefused(context.HttpContext.Request.Path);
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Whether a request may be acted on: safe methods always; otherwise what the browser says of the request's
    /// origin. <c>Sec-Fetch-Site</c> (sent by every current browser) must be <c>same-origin</c> or <c>none</c> (typed
    /// or bookmarked); without it, an <c>Origin</c> header must name this site. A request with neither does not come
    /// from a browser page, so no visitor can have been made to send it.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
