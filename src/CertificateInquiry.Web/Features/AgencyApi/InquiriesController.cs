using System.Globalization;
using System.Text.Json;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Signing;
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
public sealed class InquiriesController(AgencyInquiries inquiries) : ControllerBase
{
    /// <summary>A single inquiry's body is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Verifies one certificate, or lists every certificate of a national code (inquiry.person).</summary>
    /// <remarks>
    /// Digits in any script and Arabic letters are accepted and normalized as the portal's public forms do. The answer
    /// says only whether each supplied name matches, never the stored name. purpose, caseReference and officerId may
    /// also come in the headers X-Inquiry-Purpose, X-Case-Reference and X-Officer-Id.
    /// </remarks>
    [HttpPost]
    [AgencyApiAccess(AgencyScopes.Verify | AgencyScopes.Person)]
    [ApiRequestBody(typeof(InquiryInput), "application/json", """
        {"nationalCode": "0076543218", "certificateNumber": "1401-08-000101", "firstName": "مریم", "lastName": "احمدی",
         "purpose": "employment", "caseReference": "1405/د/1234", "officerId": "emp-4471"}
        """)]
    [ProducesResponseType<SignedInquiryAnswer>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status413PayloadTooLarge, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status415UnsupportedMediaType, ApiProblem.ContentType)]
    [EndpointName("createInquiry")]
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

        // Bytes as they are: the body is built in UTF-8 already, and ContentResult would encode a string once more.
        var body = result.ResponseJson();
        Response.ContentType = "application/json; charset=utf-8";
        Response.ContentLength = body.Length;
        await Response.Body.WriteAsync(body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>An answer given before, as signed then, and whether its signature still holds (a key withdrawn after a leak makes it fail).</summary>
    [HttpGet("{inquiryId}")]
    [AgencyApiAccess(AgencyScopes.Verify | AgencyScopes.Person | AgencyScopes.Batch)]
    [ProducesResponseType<StoredAnswerView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [EndpointName("getInquiry")]
    public async Task<IActionResult> Get(string inquiryId, [FromServices] RecentAnswers answers, [FromServices] AnswerSigner signer, CancellationToken cancellationToken)
    {
        var stored = await answers.FindAsync(inquiryId, AgencyCaller.Of(HttpContext).Agency.Id, cancellationToken);
        if (stored is null)
        {
            return ApiProblem.NotFound("No answer with this inquiryId was given to this client (answers are kept for 30 days).").ToResult();
        }

        var check = signer.Check(stored.SignedAnswer);
        return Ok(new StoredAnswerView(
            stored.InquiryId,
            stored.AnsweredAt,
            check.IsGenuine,
            check.KeyId,
            check.IsGenuine ? JsonDocument.Parse(check.Payload!).RootElement : null,
            stored.SignedAnswer));
    }
}
