using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>The batch templates, for anyone (an agency reads them before it has credentials), cacheable for a day.</summary>
[AllowAnonymous]
[Route("api/v1/batches")]
[ResponseCache(Duration = 86400, Location = ResponseCacheLocation.Any)]
public sealed class BatchTemplateController : ControllerBase
{
    [HttpGet("template.csv")]
    public IActionResult Csv() => File(BatchTemplate.Csv, BatchResultWriter.CsvContentType, "batch-template.csv");

    [HttpGet("template.xlsx")]
    public IActionResult Xlsx() => File(BatchTemplate.Xlsx, BatchResultWriter.XlsxContentType, "batch-template.xlsx");
}
