using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// Gives a test request the client address its <see cref="Header"/> names, as the connection's remote address (what
/// the portal trusts): the rate limiter, the CAPTCHA threshold, the SMS caps and the sign-in throttle then see one
/// client per address. Runs before the portal's pipeline.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
