using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Admin.Import;

/// <summary>
/// Sets the upload's limits before anything reads the body (it runs before the antiforgery check, which reads the
/// form): the request may be as large as <see cref="CertificateUploadOptions.MaxUploadBytes"/> plus the form's other
/// fields, and the file part is buffered in memory only up to 64 KB, then streamed to a temporary file that the
/// importer reads and ASP.NET Core deletes after the request. A request announcing a larger body is answered at once
/// with the upload page and its Persian error (413), without reading the file.
/// </summary>
public sealed class CertificateUploadLimitFilter(IOptions<CertificateUploadOptions> options, IModelMetadataProvider metadata)
    : IAuthorizationFilter
{
    /// <summary>The filter's order where it is applied: before the global antiforgery filter (order 1000), which reads the form.</summary>
    public const int RunsBeforeAntiforgery = -1000;

    /// <summary>Room for the multipart boundaries, the antiforgery token and the file part's headers.</summary>
    public const long FormOverheadBytes = 16 * 1024;

    private const int MemoryBufferThreshold = 64 * 1024;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var maxFile = options.Value.MaxUploadBytes;
        var maxRequest = maxFile + FormOverheadBytes;
        var http = context.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxRequest;
        }

        if (http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = maxRequest,
                MemoryBufferThreshold = MemoryBufferThreshold,
            }));
        }

        if (http.Request.ContentLength > maxRequest)
        {
            context.ModelState.AddModelError(CertificateUploadController.FileField, TooLargeMessage(maxFile));
            context.Result = new ViewResult
            {
                ViewName = "Index",
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ViewData = new ViewDataDictionary<CertificateUploadPage>(metadata, context.ModelState)
                {
                    Model = new CertificateUploadPage(maxFile),
                },
            };
        }
    }

    public static string TooLargeMessage(long maxFileBytes) =>
        $"فایل بزرگ‌تر از {Megabytes(maxFileBytes)} مگابایت است. فایل‌های بزرگ‌تر را با دستور import-certificates روی سرور وارد کنید، یا فایل را به چند بخش کنید.";

    public static string Megabytes(long bytes) =>
        PersianText.ToPersianDigits((long)Math.Ceiling(bytes / (1024.0 * 1024.0)));
}
