using CertificateInquiry.Web.Infrastructure.Payments;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// Where the bank sends the browser back after a payment, by GET (Zarinpal) or by a POST from the bank's page (Sep,
/// Behpardakht) — which carries no antiforgery token of ours, so none is asked for: nothing here is believed until the
/// gateway verifies it server-side. Replaying the address gives the same answer and changes nothing.
/// </summary>
[Route("requests/payment/callback")]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PaymentCallbackController(RequestPayments payments) : Controller
{
    [HttpGet]
    [HttpPost]
    public async Task<IActionResult> Callback(CancellationToken cancellationToken)
    {
        var callback = await PaymentCallback.FromRequestAsync(Request, cancellationToken);
        var outcome = await payments.CompleteAsync(callback, cancellationToken);
        switch (outcome.Status)
        {
            case PaymentCompletionStatus.Paid:
                return RedirectToAction(nameof(RequestPaymentController.Submitted), "RequestPayment", new { id = outcome.RequestId });
            case PaymentCompletionStatus.Failed:
                return RedirectToAction(nameof(RequestPaymentController.Pay), "RequestPayment", new { id = outcome.RequestId });
            case PaymentCompletionStatus.Unconfirmed:
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return View("PaymentUnconfirmed", outcome.RequestId!.Value);
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("PaymentCallbackInvalid");
        }
    }
}
