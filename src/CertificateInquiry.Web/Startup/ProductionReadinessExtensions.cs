using CertificateInquiry.Web.Features.Holders.Account;
using CertificateInquiry.Web.Infrastructure.IdentityChecks;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.OutsideServices;
using CertificateInquiry.Web.Infrastructure.Payments;

namespace CertificateInquiry.Web.Startup;

/// <summary>
/// A Production server that takes paper-era requests must be able to reach applicants and take their fee: with the
/// log SMS sender the one-time code never reaches a phone, and with the sandbox (or no) gateway no fee can be paid.
/// Holders must be able to sign in to their own area (/my): through the national sign-in, or by a code to a mobile
/// that Shahkar confirms (ADR-032). Such a server refuses to start and says what to set, unless <c>Portal:StagingCopy</c> says it is a staging copy
/// (a rehearsal of a release, the benchmarks), which may run in Production mode without real providers.
/// </summary>
public static class ProductionReadinessExtensions
{
    public static void RefuseUnreadyProduction(this WebApplication app)
    {
        if (!app.Environment.IsProduction() || StagingCopy.Is(app.Configuration))
        {
            return;
        }

        var problems = UnreadyProviders(app.Services.GetRequiredService<NotificationProviders>(), app.Services.GetRequiredService<PaymentGateways>()).ToList();
        if (HolderSignInUnready(app.Configuration, app.Services.GetService<IMobileOwnerCheck>()) is { } holders)
        {
            problems.Add(holders);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "This Production server cannot serve applicants: " + string.Join(" ", problems)
                + $" Set the providers (docs/providers), or set {StagingCopy.Setting}=true if this server is a staging copy.");
        }
    }

    /// <summary>What stops a Production server from serving a request from start to end, one sentence each.</summary>
    public static IReadOnlyList<string> UnreadyProviders(NotificationProviders notifications, PaymentGateways gateways)
    {
        var problems = new List<string>();
        if (notifications.SmsToLogOnly)
        {
            problems.Add("Sms:Provider is Log, so one-time codes and status messages never reach a phone (use Kavenegar).");
        }

        if (gateways.Current is not { } gateway)
        {
            problems.Add($"Payments:Gateway '{gateways.ConfiguredName}' is not an enabled gateway, so no fee can be paid.");
        }
        else if (string.Equals(gateway.Name, SandboxPaymentGateway.GatewayName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Payments:Gateway is the sandbox, which takes no money.");
        }

        return problems;
    }

    /// <summary>Why holders could not sign in on a Production server, or null: neither the national sign-in nor Shahkar is configured.</summary>
    public static string? HolderSignInUnready(IConfiguration configuration, IMobileOwnerCheck? mobileOwners) =>
        HolderSignInServiceCollectionExtensions.NationalSignInConfigured(configuration) || mobileOwners is not null
            ? null
            : "Neither NationalSignIn nor Shahkar (IdentityChecks:Provider=Finnotech) is configured, so holders cannot sign in to /my (ADR-032).";
}
