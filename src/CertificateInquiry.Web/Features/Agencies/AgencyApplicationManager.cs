using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// OpenIddict's application manager, with one change: a client secret is checked against the agency's live secrets
/// (<see cref="AgencySecretCheck"/>), not against the one secret OpenIddict stores, so that several work at once during
/// a rotation and each can be revoked alone (ADR-023). Everything else, including signed client assertions, is
/// OpenIddict's own.
/// </summary>
public sealed class AgencyApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    AgencySecretCheck secrets)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        return !string.IsNullOrEmpty(secret)
            && application.ClientId is { } clientId
            && await HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential, cancellationToken)
            && await secrets.IsLiveAsync(clientId, secret, cancellationToken);
    }
}
