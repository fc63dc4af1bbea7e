using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Errors;

/// <summary>
/// The Persian error pages. Reached by re-execution (status code pages, exception handler), which keeps the
/// original request's method, so every method is accepted and no antiforgery token is asked for; or directly,
/// in which case the page sets the status code it describes. Nothing from the request or the exception is shown.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[AcceptsAnyBody]
[Route("error")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorsController : Controller
{
    // No HTTP method attribute: the route answers GET, POST and every other method. No parameter either: MVC reads
    // the form for any bound parameter, and a re-executed request's body may be the very thing that failed. The code
    // is read from the route alone.
    [Route("{code:int}")]
    public IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var routeCode)
            ? routeCode
            : StatusCodes.Status404NotFound;
        if (code is < 400 or > 599)
        {
            // "/error/200" and the like describe no error: treat the address as unknown.
            code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            >= 500 => View("ServerError", new ErrorPage(code, "خطایی رخ داد", ServerErrorMessage(code))),
            _ => View("Error", ClientError(code)),
        };
    }

    private static string ServerErrorMessage(int code) => code == StatusCodes.Status503ServiceUnavailable
        ? "درگاه در این لحظه در دسترس نیست. لطفاً چند دقیقه دیگر دوباره تلاش کنید."
        : "در پاسخ به درخواست شما مشکلی پیش آمد. لطفاً کمی بعد دوباره تلاش کنید.";

    private static ErrorPage ClientError(int code) => code switch
    {
        StatusCodes.Status400BadRequest => new ErrorPage(
            code, "درخواست نادرست است", "اطلاعاتی که فرستاده شد قابل پردازش نبود. به صفحه قبل برگردید، صفحه را دوباره باز کنید و دوباره تلاش کنید."),
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => new ErrorPage(
            code, "اجازه دسترسی ندارید", "شما اجازه دیدن این صفحه را ندارید. اگر کارشناس هستید، با حساب کاربری خود وارد شوید."),
        StatusCodes.Status413PayloadTooLarge => new ErrorPage(
            code, "آنچه فرستاده شد بیش از اندازه بزرگ است", "فایل یا فرمی که فرستاده شد از اندازه مجاز بزرگ‌تر است. فایل را کوچک‌تر کنید (فایل استعلام دسته‌ای حداکثر ۲۰ مگابایت) و دوباره بفرستید."),
        StatusCodes.Status429TooManyRequests => new ErrorPage(
            code, "تعداد درخواست‌ها زیاد است", "در مدت کوتاهی درخواست‌های زیادی فرستاده شده است. لطفاً چند دقیقه صبر کنید و دوباره تلاش کنید."),
        _ => new ErrorPage(
            code, "درخواست انجام نشد", "درخواست شما انجام نشد. لطفاً به صفحه اصلی بروید و دوباره تلاش کنید."),
    };
}

/// <summary>What an error page shows: the status code and a fixed Persian title and message.</summary>
public sealed record ErrorPage(int StatusCode, string Title, string Message);
