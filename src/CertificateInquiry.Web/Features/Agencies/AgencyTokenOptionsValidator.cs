using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// Checked at start-up: Production refuses to start with token keys made at start-up, which die with the process and
/// fail on the other servers behind the load balancer (ADR-023).
/// </summary>
public sealed class AgencyTokenOptionsValidator(IHostEnvironment environment) : IValidateOptions<AgencyTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, AgencyTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return environment.IsProduction() && string.IsNullOrWhiteSpace(options.TokenCertificatePath)
            ? ValidateOptionsResult.Fail(
                "AgencyApi:TokenCertificatePath is empty: name the PKCS#12 file that signs the agencies' access tokens (the same file on every server).")
            : ValidateOptionsResult.Success;
    }
}
