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
    /// <summary>
    /// The secrets each server would otherwise make up for itself at start-up, which every server behind one load
    /// balancer must share: the CAPTCHA's signing key, the audit's address key (the limits and the CAPTCHA name a client
    /// by it) and the one-time codes' key.
    /// </summary>
    public static readonly IReadOnlyList<string> SharedSecrets = ["Captcha:Secret", "Audit:ClientAddressKey", "Verification:CodeKey"];

    public static void RefuseUnreadyProduction(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return;
        }

        // A staging copy behind a load balancer breaks as a real one would: this check is not waived for it.
        if (SharedSecretsMissing(app.Configuration) is { } secrets)
        {
            throw new InvalidOperationException(secrets);
        }

        if (StagingCopy.Is(app.Configuration))
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

    /// <summary>
    /// Why a server that shares Redis with others (<c>Redis:Configuration</c> set) cannot start: one of
    /// <see cref="SharedSecrets"/> is empty, so it would make its own and refuse every other server's CAPTCHA, address
    /// hash and one-time code. Null when it has them all, or runs alone (no Redis).
    /// </summary>
    public static string? SharedSecretsMissing(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]))
        {
            return null;
        }

        var missing = SharedSecrets.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        return missing.Count == 0
            ? null
            : $"Redis:Configuration is set, so this is one of several servers, but {string.Join(", ", missing)} is not set: "
              + "each server would make up its own and refuse the CAPTCHA solutions, address hashes and one-time codes of the others. "
              + "Set the same long random value of each on every server (docs/operations.md).";
    }

    /// <summary>Why holders could not sign in on a Production server, or null: neither the national sign-in nor Shahkar is configured.</summary>
    public static string? HolderSignInUnready(IConfiguration configuration, IMobileOwnerCheck? mobileOwners) =>
        HolderSignInServiceCollectionExtensions.NationalSignInConfigured(configuration) || mobileOwners is not null
            ? null
            : "Neither NationalSignIn nor Shahkar (IdentityChecks:Provider=Finnotech) is configured, so holders cannot sign in to /my (ADR-032).";
}
