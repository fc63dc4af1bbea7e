using System.Net;
using System.Net.Sockets;

namespace CertificateInquiry.RoundRobin;

/// <summary>
/// Sends each request to the next backend in turn, as a load balancer without sticky sessions does, so that
/// consecutive requests of one client land on different servers. It does what the portal expects of a real one
/// (docs/operations.md): it replaces <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> with what it saw itself (a
/// client's own value is never passed on), keeps the <c>Host</c> the client asked for, and takes a backend that
/// refuses connections (a killed server) out of turn for a few seconds, sending the request to the next one. The
/// request body is held in memory so that it can go to the next server; this helper is for tests, not for load.
/// Each answer names the server that gave it in <c>X-Served-By</c> (1-based).
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    public const string ServedByHeader = "X-Served-By";

    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(5);

    // Hop-by-hop headers (RFC 9110 section 7.6.1) and those the proxy sets itself.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded",
        "Content-Length",
    };

    private readonly WebApplication app;
    private readonly IReadOnlyList<Uri> backends;
    private readonly long[] downUntil;
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    })
    {
        Timeout = TimeSpan.FromMinutes(2),
    };

    private int next = -1;

    private RoundRobinProxy(WebApplication app, IReadOnlyList<Uri> backends)
    {
        this.app = app;
        this.backends = backends;
        downUntil = new long[backends.Count];
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<RoundRobinProxy> StartAsync(Uri listen, IReadOnlyList<Uri> backends)
    {
        ArgumentOutOfRangeException.ThrowIfZero(backends.Count);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        var app = builder.Build();
        var proxy = new RoundRobinProxy(app, backends);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Address = new Uri(app.Urls.First());
        return proxy;
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var start = Interlocked.Increment(ref next);
        for (var attempt = 0; attempt < backends.Count; attempt++)
        {
            var index = (int)((uint)(start + attempt) % (uint)backends.Count);
            if (Volatile.Read(ref downUntil[index]) > Environment.TickCount64 && attempt < backends.Count - 1)
            {
                continue;
            }

            using var request = Copy(context, backends[index], body);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException)
            {
                // Nothing reached the server: the next one may take it.
                Volatile.Write(ref downUntil[index], Environment.TickCount64 + (long)DownFor.TotalMilliseconds);
                continue;
            }

            using (response)
            {
                await CopyBackAsync(response, context, index + 1);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }

    private static HttpRequestMessage Copy(HttpContext context, Uri backend, MemoryStream body)
    {
        var incoming = context.Request;
        var target = new Uri(backend, incoming.PathBase.Add(incoming.Path).ToUriComponent() + incoming.QueryString.ToUriComponent());
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        if (body.Length > 0 || !HttpMethods.IsGet(incoming.Method) && !HttpMethods.IsHead(incoming.Method))
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Host = incoming.Host.Value;
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        return request;
    }

    private static async Task CopyBackAsync(HttpResponseMessage response, HttpContext context, int server)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        context.Response.Headers[ServedByHeader] = server.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
