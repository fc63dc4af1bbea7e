using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Staff.Letters;

/// <summary>
/// Staff download a request's answer letter. Province-scoped like every back-office resource: another province's
/// letter is answered 404, exactly as a letter that does not exist, and the attempt is logged. Each download is in
/// the staff audit trail (<c>letter.download</c>).
/// </summary>
[Route("admin/requests")]
public sealed class StaffLetterController(
    AnswerLetters letters,
    IAuthorizationService authorization,
    StaffAuditTrail auditTrail,
    StaffScope scope,
    AppDbContext db,
    ILogger<StaffLetterController> logger) : StaffController
{
    public const string DownloadAction = "letter.download";

    [HttpGet("{id:long}/letter")]
    public async Task<IActionResult> Download(long id, CancellationToken cancellationToken)
    {
        var letter = await letters.FindByRequestAsync(id, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }

        var allowed = await authorization.AuthorizeAsync(User, new ProvinceResource(letter.ProvinceId), StaffPolicies.ProvinceResource);
        if (!allowed.Succeeded)
        {
            logger.LogWarning(
                "Staff user {UserId} asked for the answer letter of request {RequestId} of province {ProvinceId}, outside their scope",
                scope.UserId, id, letter.ProvinceId);
            return NotFound();
        }

        var pdf = await letters.RenderAsync(letter, AnswerLetterVerifyController.UrlFor(HttpContext.RequestServices.GetRequiredService<PublicAddress>(), letter.VerificationCode), cancellationToken);
        auditTrail.Record(
            DownloadAction,
            subjectType: "Request",
            subjectId: id.ToString(CultureInfo.InvariantCulture),
            provinceId: letter.ProvinceId,
            details: "دریافت نامه پاسخ شماره " + letter.LetterNumber);
        await db.SaveChangesAsync(cancellationToken);
        return File(pdf, "application/pdf", AnswerLetters.FileName(letter));
    }
}
