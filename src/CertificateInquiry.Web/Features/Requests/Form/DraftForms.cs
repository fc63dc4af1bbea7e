using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>
/// Several tabs on one draft: every question page's form carries the id of the draft it was drawn for
/// (<c>_DraftId.cshtml</c>), and a post whose draft is no longer the browser's current one is refused with
/// <see cref="Message"/> instead of putting its answers or files on the other draft.
/// </summary>
public static class DraftForms
{
    public const string FieldName = "DraftId";

    internal const string ItemKey = "CertificateInquiry.DraftId";

    public const string Message =
        "این صفحه برای درخواست دیگری باز شده بود؛ در پنجره دیگری درخواست تازه‌ای شروع شده است. چیزی ذخیره نشد. درخواست کنونی را ادامه دهید.";

    /// <summary>Notes the draft this request works on, for the forms the page draws.</summary>
    public static void Remember(HttpContext context, InquiryRequest draft) => context.Items[ItemKey] = draft.Id;

    /// <summary>
    /// Whether this post was drawn for another draft than <paramref name="current"/>. A post without the field (a page
    /// drawn before it existed) is taken as it is.
    /// </summary>
    public static bool IsForAnotherDraft(HttpContext context, InquiryRequest current)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return false;
        }

        var posted = context.Request.Form[FieldName].ToString();
        return posted.Length > 0 && posted != current.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The guard of the posts on a draft outside the question steps (documents, the SMS code). A form drawn for another
    /// draft gets 409 and the DraftChanged page: another tab started a new draft, and what this form carries belongs to
    /// the old one. No draft, or one already sent, goes back to the start. Otherwise the draft is remembered for the page.
    /// </summary>
    public static bool Refuses(
        Controller controller,
        [NotNullWhen(false)] InquiryRequest? draft,
        ILogger logger,
        [NotNullWhen(true)] out IActionResult? refusal)
    {
        if (draft is not null && IsForAnotherDraft(controller.HttpContext, draft))
        {
            refusal = ForAnotherDraft(controller, draft, logger);
            return true;
        }

        if (draft is not { Status: RequestStatus.Draft })
        {
            refusal = controller.RedirectToAction("Start", "RequestForm");
            return true;
        }

        Remember(controller.HttpContext, draft);
        refusal = null;
        return false;
    }

    /// <summary>409 and the DraftChanged page, for a form drawn for another draft than <paramref name="current"/>.</summary>
    public static ViewResult ForAnotherDraft(Controller controller, InquiryRequest current, ILogger logger)
    {
        logger.FormForAnotherDraft(current.Id);
        controller.Response.StatusCode = StatusCodes.Status409Conflict;
        return controller.View("DraftChanged");
    }
}
