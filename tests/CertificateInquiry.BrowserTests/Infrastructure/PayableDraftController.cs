using System.Security.Cryptography;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>
/// Test-only: a complete draft written straight to the database and the browser given its access cookie, as the
/// request form leaves them, so that the payment journey can be driven on its own.
/// </summary>
[Route("__test")]
public sealed class PayableDraftController(AppDbContext db, RequestAccess access) : Controller
{
    [HttpGet("payable-draft")]
    public async Task<IActionResult> Create()
    {
        var now = DateTime.UtcNow;
        var request = new InquiryRequest
        {
            AccessKey = RandomNumberGenerator.GetHexString(32, lowercase: true),
            NationalCode = "0076543218",
            FirstName = "مریم",
            LastName = "احمدی",
            FatherName = "حسن",
            BirthDate = new DateOnly(1975, 3, 21),
            Gender = Gender.Female,
            Mobile = "09121234567",
            MobileConfirmedAtUtc = now,
            RequesterKind = RequesterKind.Holder,
            TradeText = "خیاط زنانه",
            ExamYear = 1378,
            ProvinceId = 1,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        foreach (var kind in new[] { DocumentKind.NationalCard, DocumentKind.BirthCertificate, DocumentKind.EducationDegree })
        {
            request.Documents.Add(new RequestDocument
            {
                Kind = kind,
                OriginalName = kind + ".pdf",
                StoredName = RandomNumberGenerator.GetHexString(32, lowercase: true) + ".pdf",
                ContentType = "application/pdf",
                Length = 1000,
                Sha256 = new string('0', 64),
                UploadedAtUtc = now,
            });
        }

        db.Requests.Add(request);
        await db.SaveChangesAsync();
        access.Grant(HttpContext, request.AccessKey);
        return Redirect($"/requests/{request.Id}/pay");
    }
}
