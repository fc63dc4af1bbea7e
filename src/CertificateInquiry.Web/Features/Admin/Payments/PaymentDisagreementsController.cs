using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Payments;

/// <summary>
/// /admin/payments/disagreements: the day's payments on which the portal and the gateway disagree (yesterday's by
/// default, the usual morning check; <c>daysAgo</c> walks back up to <see cref="MaxDaysAgo"/> days).
/// </summary>
[Route("admin/payments/disagreements")]
public sealed class PaymentDisagreementsController(PaymentDisagreements disagreements) : AdminController
{
    public const int MaxDaysAgo = 90;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? daysAgo, CancellationToken cancellationToken)
    {
        var back = Math.Clamp(daysAgo ?? 1, 0, MaxDaysAgo);
        var day = disagreements.Today.AddDays(-back);
        return View(new PaymentDisagreementsPage(day, back, await disagreements.OnAsync(day, cancellationToken)));
    }
}

public sealed record PaymentDisagreementsPage(DateOnly Day, int DaysAgo, IReadOnlyList<PaymentDisagreement> Payments)
{
    public bool HasEarlier => DaysAgo < PaymentDisagreementsController.MaxDaysAgo;

    public bool HasLater => DaysAgo > 0;
}
