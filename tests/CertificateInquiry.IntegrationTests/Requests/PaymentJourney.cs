using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Drives the payment of a request as a browser would: a complete draft written straight to the database (the request
/// form is tested on its own), the access cookie set as the form would set it, then the real pages and forms.
/// Clients do not follow redirects, so each step's address can be checked.
/// </summary>
public sealed class PaymentJourney(PortalFactory portal)
{
    public static readonly Uri BaseAddress = new("http://localhost");

    /// <summary>A draft with everything the pay page asks for.</summary>
    public Task<InquiryRequest> CreateCompleteDraftAsync(bool complete = true) => portal.WithDatabaseAsync(async db =>
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
            MobileConfirmedAtUtc = complete ? now : null,
            RequesterKind = RequesterKind.Holder,
            TradeText = "خیاط زنانه",
            ExamYear = 1378,
            ProvinceId = 1,
            TrainingCenter = "مرکز شماره ۱ تهران",
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
        return request;
    });

    /// <summary>A client holding the access cookie of <paramref name="request"/>, as the request form leaves it.</summary>
    public HttpClient ClientFor(InquiryRequest request)
    {
        var cookies = new CookieContainer();
        var value = portal.Services.GetRequiredService<RequestAccess>().Protect(request.AccessKey);
        cookies.Add(BaseAddress, new Cookie(RequestAccess.CookieName, value, RequestAccess.CookiePath));
        return portal.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies));
    }

    public HttpClient ClientWithoutAccess() => portal.CreateDefaultClient(BaseAddress, new CookieContainerHandler(new CookieContainer()));

    /// <summary>Posts the pay page's form; returns the response (a redirect to the bank page when a payment started).</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> StartAsync(HttpClient client, long requestId) =>
        await Forms.SubmitAsync(client, $"/requests/{requestId}/pay", $"/requests/{requestId}/pay");

    /// <summary>Starts a payment and returns the sandbox page's address.</summary>
    public async Task<string> StartToGatewayAsync(HttpClient client, long requestId)
    {
        var (response, _) = await StartAsync(client, requestId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/sandbox-gateway/", location, StringComparison.Ordinal);
        return location;
    }

    /// <summary>Opens the sandbox page, presses a button (approve / decline) and returns the callback address it sends the browser to.</summary>
    public static async Task<string> DecideAsync(HttpClient client, string gatewayPage, string decision)
    {
        var (pageResponse, page) = await HtmlPage.GetAsync(client, gatewayPage);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        var form = page.QuerySelector("form[method='post']")!;
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
            .Append(KeyValuePair.Create("decision", decision));
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    /// <summary>The whole way from the pay page to the bank's callback address.</summary>
    public async Task<string> PayAsync(HttpClient client, long requestId, string decision = "approve") =>
        await DecideAsync(client, await StartToGatewayAsync(client, requestId), decision);

    public Task<InquiryRequest> RequestAsync(long id) => portal.WithDatabaseAsync(db =>
        db.Requests.AsNoTracking().Include(r => r.Transitions).Include(r => r.Payments).SingleAsync(r => r.Id == id));

    public Task<long> TodaysFeeAsync() => portal.WithDatabaseAsync(db =>
    {
        var year = JalaliDate.YearOf(IranTime.Today(TimeProvider.System));
        return db.FeeTariffs.Where(t => t.JalaliYear == year).Select(t => t.AmountRials).SingleAsync();
    });
}
