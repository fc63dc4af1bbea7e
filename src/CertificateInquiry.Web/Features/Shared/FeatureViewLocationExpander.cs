using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace CertificateInquiry.Web.Features.Shared;

/// <summary>
/// Views live beside their feature: /Features/{feature}/Views/{view}.cshtml, then /Features/Shared/. A nested feature
/// (namespace Features.Staff.Account) looks in its own folder first, then in each enclosing feature's (Features/Staff/Views
/// holds what the back-office features share, such as their layout).
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var segments = action.ControllerTypeInfo.Namespace?.Split('.') ?? [];
            var index = Array.IndexOf(segments, "Features");
            if (index >= 0 && index + 1 < segments.Length)
            {
                context.Values[FeatureKey] = string.Join('/', segments[(index + 1)..]);
            }
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            var folder = feature;
            while (true)
            {
                yield return "/Features/" + folder + "/Views/{0}.cshtml";
                var parent = folder.LastIndexOf('/');
                if (parent < 0)
                {
                    break;
                }

                folder = folder[..parent];
            }
        }

        yield return "/Features/Shared/Views/{0}.cshtml";
        yield return "/Features/Shared/{0}.cshtml";
    }
}
