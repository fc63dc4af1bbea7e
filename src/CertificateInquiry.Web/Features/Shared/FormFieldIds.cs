using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CertificateInquiry.Web.Features.Shared;

/// <summary>
/// The form fields a page has drawn, in page order: for each ModelState key (a field's name, compared as ModelState
/// compares keys, ignoring case) the id the field was given. The error summary, rendered by the layout after the page's
/// body, links each error to this id and lists the errors in this order, so a link always lands on a real field and the
/// summary reads in the order of the page, whatever order the errors were added in.
/// </summary>
public sealed class FormFieldIds
{
    private static readonly object ItemsKey = new();

    private readonly Dictionary<string, (string Id, int Position)> fields = new(StringComparer.OrdinalIgnoreCase);

    public static FormFieldIds For(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemsKey, out var existing) && existing is FormFieldIds ids)
        {
            return ids;
        }

        var created = new FormFieldIds();
        context.Items[ItemsKey] = created;
        return created;
    }

    /// <summary>Records a field; the first one drawn under a key wins (a radio group's first button).</summary>
    public void Add(string key, string id) => fields.TryAdd(key, (id, fields.Count));

    /// <summary>The id and position of the field drawn under <paramref name="key"/>, or null when the page has none.</summary>
    public (string Id, int Position)? Find(string key) => fields.TryGetValue(key, out var field) ? field : null;
}

/// <summary>
/// Records every named input, select and textarea a view draws (and any element marked <c>error-field="key"</c>, such
/// as the CAPTCHA's fieldset) in <see cref="FormFieldIds"/>. Hidden inputs and buttons are not fields a person can be
/// sent to. Changes nothing in the output.
/// </summary>
[HtmlTargetElement("input", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
[HtmlTargetElement("*", Attributes = ErrorFieldAttribute)]
public sealed class FormFieldTagHelper : TagHelper
{
    public const string ErrorFieldAttribute = "error-field";

    private static readonly HashSet<string> NotFields = new(StringComparer.OrdinalIgnoreCase) { "hidden", "submit", "button", "reset", "image" };

    /// <summary>The ModelState key whose errors this element stands for, when it is not a named field itself.</summary>
    [HtmlAttributeName(ErrorFieldAttribute)]
    public string? ErrorField { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = ErrorField;
        if (key is null)
        {
            if (NotFields.Contains(Value(context, "type") ?? ""))
            {
                return;
            }

            key = Value(context, "name");
        }

        var id = Value(context, "id");
        if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(id))
        {
            FormFieldIds.For(ViewContext.HttpContext).Add(key, id);
        }
    }

    private static string? Value(TagHelperContext context, string name)
    {
        if (!context.AllAttributes.TryGetAttribute(name, out var attribute))
        {
            return null;
        }

        switch (attribute.Value)
        {
            case null:
                return null;
            case string text:
                return text;
            case HtmlString html:
                return System.Net.WebUtility.HtmlDecode(html.Value);
            case IHtmlContent content:
                using (var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
                {
                    content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                    return System.Net.WebUtility.HtmlDecode(writer.ToString());
                }

            default:
                return Convert.ToString(attribute.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
