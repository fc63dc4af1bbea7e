using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Corrections;

/// <summary>
/// Holders with certificates for the correction tests, and the holder's real report form posted as a browser posts
/// it (multipart, with the form's antiforgery token and its submission key).
/// </summary>
internal static class CorrectionPages
{
    public const string Mobile = "09127654321";
    public const string FatherName = "حسین";
    public const string FirstName = "مریم";
    public const string LastName = "کاظمی";

    /// <summary>A holder's identifier and the numbers of their certificates, one per province given (the first the reported one).</summary>
    public sealed record Holder(string NationalCode, IReadOnlyList<string> Numbers)
    {
        public string Number => Numbers[0];
    }

    private static readonly Random Random = new();

    public static Task<Holder> SeedHolderAsync(PortalFactory portal, params string[] provinces) =>
        portal.WithDatabaseAsync(async db =>
        {
            provinces = provinces.Length == 0 ? ["تهران"] : provinces;
            var person = new Person
            {
                NationalCode = TrackedRequests.NewNationalCode(), FirstName = FirstName, LastName = LastName, FatherName = FatherName,
                BirthDate = new DateOnly(1985, 5, 1), Gender = Gender.Female,
            };
            var standard = await StandardAsync(db, "7212-33-001-1", "جوشکاری برق درجه 2");
            var numbers = new List<string>();
            foreach (var province in provinces)
            {
                var number = "1399-08-" + Random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
                db.Certificates.Add(new Certificate
                {
                    Number = number,
                    Person = person,
                    StandardId = standard.Id,
                    ExamDate = new DateOnly(2020, 6, 1), // 1399/03/12
                    IssueDate = new DateOnly(2020, 7, 1), // 1399/04/11
                    ProvinceId = await db.Provinces.Where(p => p.Name == province).Select(p => p.Id).SingleAsync(),
                    TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره ۱",
                    Status = CertificateStatus.Valid,
                    Program = TrainingProgram.Tvto,
                    Source = RecordSource.Electronic,
                    VerificationCode = VerificationCode.New(),
                });
                numbers.Add(number);
            }

            await db.SaveChangesAsync();
            return new Holder(person.NationalCode, numbers);
        });

    public static async Task<TrainingStandard> StandardAsync(AppDbContext db, string code, string title)
    {
        var standard = await db.TrainingStandards.SingleOrDefaultAsync(s => s.Code == code);
        if (standard is null)
        {
            standard = new TrainingStandard { Code = code, Title = title, Hours = 300 };
            db.TrainingStandards.Add(standard);
            await db.SaveChangesAsync();
        }

        return standard;
    }

    public static string FormPath(string number, CorrectionField field) =>
        "/my/corrections/new?certificate=" + Uri.EscapeDataString(number) + "&field=" + field;

    /// <summary>The form of one field, as the holder opens it.</summary>
    public static async Task<IDocument> OpenFormAsync(HttpClient holder, string number, CorrectionField field)
    {
        var (response, page) = await HtmlPage.GetAsync(holder, FormPath(number, field));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    /// <summary>Posts <paramref name="page"/>'s report form with these values (its token and submission key kept unless overridden).</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> PostAsync(
        HttpClient holder, IDocument page, string? value, string? note = "نام پدرم در شناسنامه «حسن» است، نه «حسین».", string? mobile = Mobile,
        (string Name, byte[] Content)? file = null, string? submissionKey = null)
    {
        var form = page.QuerySelector("form[data-form=correction]") ?? throw new InvalidOperationException("No report form on the page.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(submissionKey ?? form.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!), "SubmissionKey" },
        };
        foreach (var (name, text) in new (string Name, string? Text)[] { ("Value", value), ("Note", note), ("Mobile", mobile) })
        {
            if (text is not null)
            {
                content.Add(new StringContent(text), name);
            }
        }

        if (file is var (fileName, bytes))
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Document", fileName);
        }

        var response = await holder.PostAsync(form.GetAttribute("action"), content);
        return (response, await HtmlPage.ParseAsync(response));
    }

    /// <summary>Opens the form and reports: the shortest path to a correction case.</summary>
    public static async Task<long> ReportAsync(PortalFactory portal, Holder holder, CorrectionField field, string value, string? number = null)
    {
        var client = portal.SignedInHolder(holder.NationalCode);
        var page = await OpenFormAsync(client, number ?? holder.Number, field);
        var (response, _) = await PostAsync(client, page, value);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDatabaseAsync(db => db.CertificateCorrections
            .Where(c => c.HolderIdentifier == holder.NationalCode && c.Field == field).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    public static Task<CertificateCorrection> CorrectionAsync(PortalFactory portal, long id) =>
        portal.WithDatabaseAsync(db => db.CertificateCorrections.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<int> CountAsync(PortalFactory portal, string nationalCode) =>
        portal.WithDatabaseAsync(db => db.CertificateCorrections.CountAsync(c => c.HolderIdentifier == nationalCode));

    public static string Path(long id) => "/admin/corrections/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Errors(IDocument page) => page.QuerySelector(".error-summary")?.Text() ?? "";

    /// <summary>What the online lookup shows for the holder's number and national code.</summary>
    public static async Task<string> LookupAsync(PortalFactory portal, Holder holder, string? number = null)
    {
        var (response, page) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", holder.NationalCode), ("CertificateNumber", number ?? holder.Number));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector(".lookup-result")?.Text() ?? throw new InvalidOperationException("The lookup found nothing.");
    }
}
