using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CertificateInquiry.FakeProviders;

/// <summary>
/// Kavenegar's REST API as its document (kavenegar.com/rest.html) and its own .NET client (kavenegar/kavenegar-dotnet)
/// describe it: <c>POST /v1/{API key}/{group}/{method}.json</c> with form fields, every answer
/// <c>{"return": {"status", "message"}, "entries": ...}</c> with the status also as the HTTP status. It checks what
/// the operator checks (key, number, sender line, template, token), drops a send whose <c>localid</c> it has seen and
/// answers with the first one, and keeps what it was sent. Tests queue what the next calls meet: a result code, a
/// 5xx, a body that is not JSON, a delay.
/// </summary>
public sealed partial class FakeKavenegar
{
    public const string PathPrefix = "/kavenegar";
    public const string ApiKey = "fake-kavenegar-key-0f3c9a";
    public const string Sender = "10008663";
    public const string CodeTemplate = "tvto-verify";

    private readonly ConcurrentQueue<FakeSms> sent = new();
    private readonly ConcurrentDictionary<string, FakeSms> byLocalId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpContext, Task<bool>>> nextCalls = new();
    private readonly ConcurrentDictionary<long, int> statuses = new();
    private readonly ConcurrentDictionary<string, int> sendsByLocalId = new(StringComparer.Ordinal);
    private long lastMessageId = 8_792_000;
    private int calls;

    /// <summary>Every message the operator took, once each (a repeated localid is not sent again).</summary>
    public IReadOnlyList<FakeSms> Sent => [.. sent];

    /// <summary>Every call that reached the fake, refused ones included.</summary>
    public int Calls => Volatile.Read(ref calls);

    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(Uri address) =>
    [
        new("Sms:Provider", "Kavenegar"),
        new("Sms:Kavenegar:BaseUrl", new Uri(address, PathPrefix).AbsoluteUri),
        new("Sms:Kavenegar:ApiKey", ApiKey),
        new("Sms:Kavenegar:Sender", Sender),
        new("Sms:Kavenegar:CodeTemplate", CodeTemplate),
    ];

    /// <summary>The next call is answered with this result code (and the same HTTP status), as the operator answers a refusal.</summary>
    public void RefuseNext(int code) => nextCalls.Enqueue(async context =>
    {
        await Refuse(context, code, "خطای آزمایشی");
        return true;
    });

    /// <summary>The next call gets a bare HTTP 502 from a proxy in front of the operator.</summary>
    public void FailNextWithServerError() => nextCalls.Enqueue(async context =>
    {
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
        await context.Response.WriteAsync("<html><body>502 Bad Gateway</body></html>");
        return true;
    });

    /// <summary>The next call is answered 200 with a body that is not the operator's JSON.</summary>
    public void AnswerNextMalformed() => nextCalls.Enqueue(async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"return\": {\"status\": ");
        return true;
    });

    /// <summary>The next call waits this long before it is handled (a slow or hung operator).</summary>
    public void DelayNext(TimeSpan delay) => nextCalls.Enqueue(async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        return false;
    });

    /// <summary>Sets the status the operator reports for a message (10 delivered, 11 not delivered, …).</summary>
    public void SetStatus(FakeSms message, int status) => statuses[message.MessageId] = status;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PathPrefix + "/v1/{apiKey}/{group}/{method}.json", HandleAsync);

        // The fake's own page, not Kavenegar's: what it took, newest first, so that a person trying the portal by hand
        // can read the one-time code the portal sent.
        endpoints.MapGet(PathPrefix + "/sent", () => Results.Json(Sent.Reverse()));

        // How many send calls came for each localid, the dropped repeats included: what shows a message sent twice.
        endpoints.MapGet(PathPrefix + "/sends", () => Results.Json(new Dictionary<string, int>(sendsByLocalId, StringComparer.Ordinal)));
    }

    private async Task HandleAsync(HttpContext context, string apiKey, string group, string method)
    {
        Interlocked.Increment(ref calls);
        if (nextCalls.TryDequeue(out var next) && await next(context))
        {
            return;
        }

        if (!string.Equals(apiKey, ApiKey, StringComparison.Ordinal))
        {
            await Refuse(context, 403, "کد شناسائی API-Key معتبر نمی‌باشد");
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : FormCollection.Empty;
        switch ($"{group}/{method}")
        {
            case "sms/send":
                await SendAsync(context, form);
                break;
            case "verify/lookup":
                await LookupAsync(context, form);
                break;
            case "sms/statuslocalmessageid":
                await StatusAsync(context, form);
                break;
            default:
                await Refuse(context, 404, "متد نامشخص است");
                break;
        }
    }

    private async Task SendAsync(HttpContext context, IFormCollection form)
    {
        string receptor = form["receptor"].ToString(), message = form["message"].ToString(), sender = form["sender"].ToString(), localId = form["localid"].ToString();
        if (!Mobile().IsMatch(receptor))
        {
            await Refuse(context, 411, "دریافت کننده نامعتبر است");
            return;
        }

        if (message.Length == 0 || message.Length > 900)
        {
            await Refuse(context, 413, "پیام خالی است و یا طول پیام بیش از حد مجاز می‌باشد");
            return;
        }

        if (sender.Length > 0 && sender != Sender)
        {
            await Refuse(context, 412, "ارسال کننده نامعتبر است");
            return;
        }

        if (localId.Length > 0 && !localId.All(char.IsAsciiDigit))
        {
            await Refuse(context, 400, "پارامترها ناقص هستند");
            return;
        }

        if (localId.Length > 0)
        {
            sendsByLocalId.AddOrUpdate(localId, 1, (_, count) => count + 1);
        }

        var taken = localId.Length > 0
            ? byLocalId.GetOrAdd(localId, _ => Take(receptor, message, null, null, localId))
            : Take(receptor, message, null, null, null);
        await Accept(context, taken);
    }

    private async Task LookupAsync(HttpContext context, IFormCollection form)
    {
        string receptor = form["receptor"].ToString(), token = form["token"].ToString(), template = form["template"].ToString();
        if (!Mobile().IsMatch(receptor))
        {
            await Refuse(context, 411, "دریافت کننده نامعتبر است");
            return;
        }

        if (template != CodeTemplate)
        {
            await Refuse(context, 424, "الگوی مورد نظر پیدا نشد");
            return;
        }

        if (token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || c == '_'))
        {
            await Refuse(context, 431, "ساختار کد صحیح نمی‌باشد");
            return;
        }

        await Accept(context, Take(receptor, $"کد تأیید شما: {token}", token, template, null));
    }

    private async Task StatusAsync(HttpContext context, IFormCollection form)
    {
        var localIds = form["localid"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (localIds.Length > 500)
        {
            await Refuse(context, 414, "حجم درخواست بیشتر از حد مجاز است");
            return;
        }

        var entries = localIds.Select(localId => byLocalId.TryGetValue(localId, out var message)
            ? (object)new { messageid = message.MessageId, localid = localId, status = StatusOf(message), statustext = StatusText(StatusOf(message)) }
            : new { messageid = 0L, localid = localId, status = 100, statustext = StatusText(100) });
        await context.Response.WriteAsJsonAsync(new { @return = new { status = 200, message = "تایید شد" }, entries });
    }

    private FakeSms Take(string receptor, string text, string? token, string? template, string? localId)
    {
        var message = new FakeSms(Interlocked.Increment(ref lastMessageId), receptor, text, token, template, localId);
        sent.Enqueue(message);
        return message;
    }

    private int StatusOf(FakeSms message) => statuses.TryGetValue(message.MessageId, out var status) ? status : 1;

    private Task Accept(HttpContext context, FakeSms message) =>
        context.Response.WriteAsJsonAsync(new
        {
            @return = new { status = 200, message = "تایید شد" },
            entries = new[]
            {
                new
                {
                    messageid = message.MessageId,
                    message = message.Text,
                    status = StatusOf(message),
                    statustext = StatusText(StatusOf(message)),
                    sender = Sender,
                    receptor = message.Receptor,
                    date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    cost = 120,
                },
            },
        });

    private static Task Refuse(HttpContext context, int code, string message)
    {
        context.Response.StatusCode = code;
        return context.Response.WriteAsJsonAsync(new { @return = new { status = code, message }, entries = (object?)null });
    }

    private static string StatusText(int status) => status switch
    {
        1 => "در صف ارسال",
        4 or 5 => "ارسال به مخابرات",
        6 => "خطا در ارسال پیام",
        10 => "رسیده به گیرنده",
        11 => "نرسیده به گیرنده",
        100 => "شناسه پیامک نامعتبر است",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^09[0-9]{9}$")]
    private static partial Regex Mobile();
}

/// <summary>A message the fake operator took: a status message (<see cref="Token"/> null) or a one-time code through a template.</summary>
public sealed record FakeSms(long MessageId, string Receptor, string Text, string? Token, string? Template, string? LocalId);

public static class FakeKavenegarExtensions
{
    public static IServiceCollection AddFakeKavenegar(this IServiceCollection services) => services.AddSingleton<FakeKavenegar>();

    public static IEndpointRouteBuilder MapFakeKavenegar(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<FakeKavenegar>().Map(endpoints);
        return endpoints;
    }
}
