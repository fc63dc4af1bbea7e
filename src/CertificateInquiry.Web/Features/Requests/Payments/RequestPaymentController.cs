using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// The applicant pays a draft's fee and sees the confirmation. Only the browser holding the request's access cookie
/// (<see cref="RequestAccess"/>) reaches these pages; any other gets 404. Nothing is cached, so the back button
/// after a payment fetches the page again and finds the request paid instead of offering to pay twice.
/// </summary>
[Route("requests")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RequestPaymentController(
    AppDbContext db,
    RequestAccess access,
    FeeSchedule fees,
    PaymentGateways gateways,
    RequestPayments payments,
    IOptions<RequestServiceLevels> serviceLevels) : Controller
{
    [HttpGet("{id:long}/pay")]
    public async Task<IActionResult> Pay(long id, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var page = await PayPageAsync(request, notice: null, cancellationToken);
        if (page.CanPay && gateways.Current?.PaymentPageOrigin is { } bankOrigin)
        {
            SecurityHeadersMiddleware.AllowFormSubmissionTo(Response, bankOrigin);
        }

        return View("Pay", page);
    }

    [HttpPost("{id:long}/pay")]
    public async Task<IActionResult> StartPayment(long id, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (request.Status == RequestStatus.Draft && !IsReadyToPay(request))
        {
            return View("Pay", await PayPageAsync(request, notice: null, cancellationToken));
        }

        var callbackUrl = HttpContext.RequestServices.GetRequiredService<PublicAddress>().For("/requests/payment/callback");
        var start = await payments.StartAsync(request, callbackUrl, cancellationToken);
        if (start.Status == PaymentStartStatus.SendToGateway)
        {
            return Redirect(start.GatewayPageUrl!);
        }

        var notice = start.Status == PaymentStartStatus.GatewayUnavailable ? RequestPayments.GatewayDidNotAnswer : null;
        return View("Pay", await PayPageAsync(request, notice, cancellationToken));
    }

    [HttpGet("{id:long}/submitted")]
    public async Task<IActionResult> Submitted(long id, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (request.Status == RequestStatus.Draft || request.TrackingCode is null || request.SubmittedAtUtc is null)
        {
            return RedirectToAction(nameof(Pay), new { id });
        }

        var paid = await db.Payments.AsNoTracking()
            .Where(p => p.RequestId == id && p.Status == PaymentStatus.Paid)
            .OrderBy(p => p.Id)
            .Select(p => new { p.AmountRials, p.ReferenceNumber })
            .FirstOrDefaultAsync(cancellationToken);
        var submittedOn = DateOnly.FromDateTime(IranTime.ToIranTime(request.SubmittedAtUtc.Value));
        return View(new SubmittedPage(
            request.Id,
            request.TrackingCode,
            paid?.AmountRials,
            paid?.ReferenceNumber,
            submittedOn,
            serviceLevels.Value.ExpectedAnswerOn(request)));
    }

    /// <summary>The receipt of a submitted request as a PDF, for the browser that filed it.</summary>
    [HttpGet("{id:long}/receipt")]
    public async Task<IActionResult> Receipt(long id, [FromServices] RequestReceipts receipts, CancellationToken cancellationToken)
    {
        var accessKey = access.AccessKeyOf(HttpContext);
        var receipt = accessKey is null ? null : await receipts.RenderAsync(
            requests => requests.Where(r => r.Id == id && r.AccessKey == accessKey && r.TrackingCode != null), cancellationToken);
        return receipt is null ? NotFound() : File(receipt.Pdf, RequestReceiptFile.ContentType, receipt.FileName);
    }

    private Task<InquiryRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var accessKey = access.AccessKeyOf(HttpContext);
        return accessKey is null
            ? Task.FromResult<InquiryRequest?>(null)
            : db.Requests.Include(r => r.Documents).Include(r => r.Standard).AsSplitQuery()
                .SingleOrDefaultAsync(r => r.Id == id && r.AccessKey == accessKey, cancellationToken);
    }

    private async Task<PayPage> PayPageAsync(InquiryRequest request, string? notice, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.Draft)
        {
            return new PayPage(request.Id) { IsPaid = true, TrackingCode = request.TrackingCode };
        }

        var lastPayment = await db.Payments.AsNoTracking()
            .Where(p => p.RequestId == request.Id)
            .OrderByDescending(p => p.Id)
            .Select(p => new { p.Status, p.FailureReason })
            .FirstOrDefaultAsync(cancellationToken);
        var ready = IsReadyToPay(request);
        return new PayPage(request.Id)
        {
            IsReadyToPay = ready,
            Fee = ready ? await fees.CurrentAsync(cancellationToken) : null,
            PaymentsAvailable = gateways.Current is not null,
            LastFailure = lastPayment?.Status is PaymentStatus.Failed or PaymentStatus.Reversed ? lastPayment.FailureReason : null,
            Notice = notice,
        };
    }

    /// <summary>Everything the form asks for is there, the required documents included.</summary>
    private static bool IsReadyToPay(InquiryRequest request) => RequestCompleteness.Missing(request).Count == 0;
}

/// <summary>The pay page: the fee and the button, what went wrong last time, or that the request is already paid.</summary>
public sealed record PayPage(long RequestId)
{
    /// <summary>The request is no longer a draft: its fee was paid.</summary>
    public bool IsPaid { get; init; }

    public string? TrackingCode { get; init; }

    public bool IsReadyToPay { get; init; }

    public Fee? Fee { get; init; }

    public bool PaymentsAvailable { get; init; }

    /// <summary>Why the latest attempt failed, when it did.</summary>
    public string? LastFailure { get; init; }

    /// <summary>A problem with the attempt just made (the gateway did not answer).</summary>
    public string? Notice { get; init; }

    public bool CanPay => !IsPaid && IsReadyToPay && Fee is not null && PaymentsAvailable;
}

/// <summary>The confirmation after payment.</summary>
public sealed record SubmittedPage(
    long RequestId,
    string TrackingCode,
    long? AmountRials,
    string? BankReference,
    DateOnly SubmittedOn,
    DateOnly ExpectedAnswerOn);
