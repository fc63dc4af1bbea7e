using CertificateInquiry.Web.Infrastructure.Payments;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.SandboxGateway;

/// <summary>
/// The sandbox gateway's "bank page": shows the amount and lets the visitor approve or decline, then sends the
/// browser to the portal's callback with the sandbox's protected answer. Answers 404 unless
/// <c>Payments:Sandbox:Enabled</c> (the gateway is then not registered at all).
/// </summary>
[Route("sandbox-gateway")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SandboxGatewayController(PaymentGateways gateways) : Controller
{
    [HttpGet("{authority}")]
    public IActionResult Payment(string authority, [FromQuery(Name = SandboxPaymentGateway.TicketField)] string? ticket)
    {
        if (Sandbox is not { } sandbox || sandbox.ReadTicket(authority, ticket) is not { } paymentTicket)
        {
            return NotFound();
        }

        return View(new SandboxPaymentPage(paymentTicket, ticket!, sandbox.IsExpired(paymentTicket)));
    }

    [HttpPost("{authority}")]
    public IActionResult Decide(string authority, [FromForm(Name = SandboxPaymentGateway.TicketField)] string? ticket, [FromForm] string? decision)
    {
        if (Sandbox is not { } sandbox || sandbox.ReadTicket(authority, ticket) is not { } paymentTicket)
        {
            return NotFound();
        }

        return Redirect(sandbox.CallbackAddress(paymentTicket, approve: decision == "approve"));
    }

    private SandboxPaymentGateway? Sandbox => gateways.Find(SandboxPaymentGateway.GatewayName) as SandboxPaymentGateway;
}

public sealed record SandboxPaymentPage(SandboxTicket Ticket, string ProtectedTicket, bool IsExpired);
