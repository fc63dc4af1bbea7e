using Microsoft.AspNetCore.HostFiltering;

namespace CertificateInquiry.Web.Infrastructure.Http;

/// <summary>
/// The portal's public address (<c>Portal:PublicAddress</c>, e.g. <c>https://estelam.tvto.ir</c>): the one source of
/// every absolute URL the portal writes — report and letter QR codes, receipts, the payment callback, SMS and e-mail
/// links. Nothing is built from the request's <c>Host</c> or scheme, which the client chooses (ADR-014).
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "Portal:PublicAddress";

    /// <summary>What <c>dotnet run</c> listens on (launchSettings.json); the default outside Production.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    private readonly string root;

    public PublicAddress(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IsUsable(address))
        {
            throw new ArgumentException("The public address must be an absolute http or https address without query or fragment.", nameof(address));
        }

        Address = address;
        root = address.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri Address { get; }

    /// <summary>The host name that requests must carry in Production (see <see cref="ConfigureAllowedHosts"/>).</summary>
    public string Host => Address.Host;

    /// <summary>The absolute URL of a portal path such as <c>/verify/abc</c>.</summary>
    public string For(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return root + (path[0] == '/' ? path : "/" + path);
    }

    /// <summary>
    /// Reads the setting. Production has no default: it refuses to start without an address. Elsewhere the
    /// development address stands in.
    /// </summary>
    public static PublicAddress From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    Setting + " is not set: every absolute link (reports, letters, messages, the payment callback) is built from it. Set it to the address the public uses, e.g. https://estelam.example.ir.");
            }

            configured = DevelopmentDefault;
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var address) || !IsUsable(address))
        {
            throw new InvalidOperationException(Setting + " must be an absolute http or https address, e.g. https://estelam.example.ir; it is '" + configured + "'.");
        }

        return new PublicAddress(address);
    }

    /// <summary>
    /// In Production, requests whose <c>Host</c> is not listed in <c>AllowedHosts</c> get 400; when the setting is
    /// not given (or is <c>*</c>), only the public address's host is allowed. Other environments keep the setting as
    /// it is (<c>*</c> by default).
    /// </summary>
    public static void ConfigureAllowedHosts(HostFilteringOptions options, IConfiguration configuration, IHostEnvironment environment, PublicAddress address)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var listed = (configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(host => host != "*")
            .ToList();
        options.AllowedHosts = listed.Count > 0 ? listed : [address.Host];
    }

    private static bool IsUsable(Uri address) =>
        address.IsAbsoluteUri
        && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(address.Query)
        && string.IsNullOrEmpty(address.Fragment);
}
