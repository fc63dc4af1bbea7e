using System.Globalization;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// <c>POST /api/v1/inquiries</c>: one agency inquiry (inquiry.verify: national code and certificate number;
/// inquiry.person: every certificate of a national code). Answers 200 with a signed answer whatever was found;
/// problem details otherwise (ApiProblem).
/// </summary>
[ApiController]
[Route("api/v1/inquiries")]
[IgnoreAntiforgeryToken]
[Produces("application/json")]
public sealed class InquiriesController(AgencyInquiries inquiries) : ControllerBase
{
    /// <summary>A single inquiry's body is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    [HttpPost]
    [AgencyApiAccess(AgencyScopes.Verify | AgencyScopes.Person)]
    public async Task<IActionResult> Ask(CancellationToken cancellationToken)
    {
        var (input, problem) = await ApiBody.ReadAsync<InquiryInput>(Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem.ToResult();
        }

        var result = await inquiries.AskAsync(HttpContext, AgencyCaller.Of(HttpContext), input!, InquiryChannel.AgencyApi, cancellationToken);
        if (result.Problem is { } refused)
        {
            if (result.RetryAfterSeconds is { } seconds)
            {
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return refused.ToResult();
        }

        return Content(result.AnswerJson!, "application/json");
    }
}
