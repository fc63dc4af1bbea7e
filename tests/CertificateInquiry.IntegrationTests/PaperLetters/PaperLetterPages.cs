using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.PaperLetters;

/// <summary>Posting the paper-letter pages' real forms, and the certificates and letters the tests need.</summary>
public static class PaperLetterPages
{
    public const string NewPath = "/admin/paper-letters/new";

    /// <summary>A letter number no other test uses.</summary>
    public static string NewLetterNumber() => "ن/" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture) + "/ص";

    /// <summary>Posts the «register a letter» form with the given fields (and its antiforgery token).</summary>
    public static Task<(HttpResponseMessage Response, IDocument Document)> RegisterAsync(Browser browser, params (string Name, string Value)[] fields) =>
        Forms.SubmitAsync(browser.Client, NewPath, NewPath, fields);

    public static (string, string)[] Letter(
        string letterNumber, string rows, string agency = "اداره کل آموزش و پرورش شهر تهران", string purpose = "employment", params (string, string)[] more) =>
    [
        ("AgencyName", agency), ("AgencyLetterNumber", letterNumber), ("AgencyLetterDate", "۱۴۰۵/۰۲/۱۰"), ("Purpose", purpose), ("Rows", rows), .. more,
    ];

    public static long LetterId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/paper-letters/", location, StringComparison.Ordinal);
        return long.Parse(location["/admin/paper-letters/".Length..].Split('?')[0], CultureInfo.InvariantCulture);
    }

    public static Task<PaperLetter> LetterAsync(PortalFactory portal, long id) =>
        portal.WithDatabaseAsync(db => db.PaperLetters.AsNoTracking().Include(l => l.Rows).SingleAsync(l => l.Id == id));

    /// <summary>A certificate of Tehran in the database (found by the lookup): its holder's national code and its number.</summary>
    public static Task<(string NationalCode, string Number)> SeedCertificateAsync(PortalFactory portal, string province = "تهران") =>
        portal.WithDatabaseAsync(async db =>
        {
            var standard = await db.TrainingStandards.FirstOrDefaultAsync(s => s.Code == "7212-33-001-1")
                ?? db.TrainingStandards.Add(new TrainingStandard { Code = "7212-33-001-1", Title = "جوشکاری برق درجه 2", Hours = 300 }).Entity;
            var provinceId = await db.Provinces.Where(p => p.Name == province).Select(p => p.Id).SingleAsync();
            var nationalCode = TrackedRequests.NewNationalCode();
            var certificate = new Certificate
            {
                Number = "1389-08-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
                Person = new Person { NationalCode = nationalCode, FirstName = "مریم", LastName = "صادقی", FatherName = "حسن", BirthDate = new DateOnly(1975, 3, 1) },
                Standard = standard,
                ExamDate = new DateOnly(2009, 6, 1),
                IssueDate = new DateOnly(2009, 7, 1),
                ProvinceId = provinceId,
                TrainingCenter = "کارگاه ندامتگاه مرکزی",
                Status = CertificateStatus.Valid,
                Program = TrainingProgram.Judiciary,
                Source = RecordSource.Imported,
                VerificationCode = VerificationCode.New(),
            };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            return (nationalCode, certificate.Number);
        });

    public static async Task<IDocument> OpenAsync(Browser browser, string path)
    {
        var (response, page) = await HtmlPage.GetAsync(browser.Client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    public static string ErrorSummary(IDocument page) => CasePages.ErrorSummary(page);

    /// <summary>Latin digits to Persian ones, as an expert copying a letter may type them.</summary>
    public static string Persian(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));
}
