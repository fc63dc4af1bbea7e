using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertificateInquiry.FakeProviders;

/// <summary>What the fake answers the next call of an operation with, instead of its normal answer.</summary>
public enum FakeSepFault
{
    /// <summary>Holds the answer for <see cref="FakeSep.TimeoutDelay"/> (the caller's timeout fires first) and changes nothing.</summary>
    Timeout,

    /// <summary>HTTP 500 with an HTML body, and nothing changes.</summary>
    ServerError,

    /// <summary>HTTP 200 with a body that is not the documented JSON, and nothing changes.</summary>
    Malformed,

    /// <summary>The documented error shape with <see cref="FakeSepAnswer.ErrorCode"/> (token: status -1; verify and reverse: ResultCode; receipt: HasError).</summary>
    ErrorCode,
}

public sealed record FakeSepAnswer(FakeSepFault Fault, int ErrorCode = 0);

/// <summary>One call the fake received: the operation and its raw body (for tests that check what the portal sent).</summary>
public sealed record FakeSepRequest(string Operation, string Body);

/// <summary>One payment as the bank keeps it.</summary>
public sealed class FakeSepTransaction
{
    public required string Token { get; init; }

    public required string TerminalId { get; init; }

    public required long Amount { get; init; }

    public required string ResNum { get; init; }

    public string? ResNum1 { get; init; }

    public required string RedirectUrl { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>0 in progress, 1 cancelled by the payer, 2 OK, 3 failed (Sep's callback Status).</summary>
    public int Status { get; set; }

    public string? RefNum { get; set; }

    public string? Rrn { get; set; }

    public string? TraceNo { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public bool Verified { get; set; }

    public bool Reversed { get; set; }

    public int VerifyCalls { get; set; }
}

/// <summary>
/// A stateful stand-in for Saman Electronic Payment's internet gateway, speaking its REST protocol under
/// <see cref="Prefix"/> (the same paths and fields as the portal's <c>Infrastructure/Payments/Sep/SepPaths.cs</c>,
/// whose header names the public sources): the token request, the payment page (a form with pay and cancel buttons
/// that then posts the callback to the RedirectUrl, as the bank's page does), VerifyTransaction, ReverseTransaction and
/// the receipt inquiry by token. Tests steer it: <see cref="FailNext"/> (timeout, 5xx, malformed JSON, error codes),
/// <see cref="DropCallbacks"/> (the payment happens but the browser never comes back), <see cref="Requests"/>.
/// </summary>
public sealed class FakeSep
{
    public const string Prefix = "/sep";

    /// <summary>The one terminal the fake knows.</summary>
    public const string TerminalId = "11223344";

    public const string TokenOperation = "token";
    public const string VerifyOperation = "verify";
    public const string ReverseOperation = "reverse";
    public const string ReceiptOperation = "receipt";

    /// <summary>Sep answers -6 to a verification more than 30 minutes after the payment.</summary>
    public static readonly TimeSpan VerifyWindow = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, FakeSepTransaction> byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSepAnswer>> nextAnswers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeSepRequest> requests = new();

    /// <summary>How long a <see cref="FakeSepFault.Timeout"/> holds the answer.</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, the page records the payment but does not send the browser back (a lost callback).</summary>
    public bool DropCallbacks { get; set; }

    /// <summary>Every call received, oldest first.</summary>
    public IReadOnlyList<FakeSepRequest> Requests => [.. requests];

    public IReadOnlyCollection<FakeSepTransaction> Transactions => [.. byToken.Values];

    public FakeSepTransaction? Transaction(string token) => byToken.GetValueOrDefault(token);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> get <paramref name="answer"/>.</summary>
    public void FailNext(string operation, FakeSepAnswer answer, int times = 1)
    {
        var queue = nextAnswers.GetOrAdd(operation, _ => new ConcurrentQueue<FakeSepAnswer>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>Forgets the steering (not the transactions).</summary>
    public void ResetFaults()
    {
        nextAnswers.Clear();
        DropCallbacks = false;
    }

    /// <summary>What the payer's click does on the bank's page: pays (or cancels) and returns the callback's fields.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Decide(string token, bool pay)
    {
        var transaction = byToken[token];
        lock (transaction)
        {
            if (transaction.Status == 0)
            {
                if (pay && DateTimeOffset.UtcNow <= transaction.ExpiresAt)
                {
                    transaction.Status = 2;
                    transaction.RefNum = "GmshtyjwKSu" + RandomNumberGenerator.GetHexString(24, lowercase: false);
                    transaction.Rrn = RandomDigits(12);
                    transaction.TraceNo = RandomDigits(6);
                    transaction.PaidAt = DateTimeOffset.UtcNow;
                }
                else
                {
                    transaction.Status = pay ? 3 : 1;
                }
            }
        }

        return CallbackFields(transaction);
    }

    /// <summary>
    /// The portal settings that enable Sep on this server. Sep is enabled but not chosen: <c>Payments:Gateway=Sep</c>
    /// sends new payments through it (tests that pay through the sandbox keep working with these settings).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(Uri address) =>
    [
        KeyValuePair.Create("Payments:Sep:Enabled", "true"),
        KeyValuePair.Create("Payments:Sep:BaseAddress", new Uri(address, Prefix + "/").ToString()),
        KeyValuePair.Create("Payments:Sep:TerminalId", TerminalId),
        .. FakeTreasuryPaymentIds(),
    ];

    /// <summary>Made-up treasury payment IDs for last, this and next Jalali year (a real gateway refuses a year without one).</summary>
    private static IEnumerable<KeyValuePair<string, string>> FakeTreasuryPaymentIds()
    {
        var year = new System.Globalization.PersianCalendar().GetYear(DateTime.UtcNow);
        return Enumerable.Range(year - 1, 3).Select(y => KeyValuePair.Create(
            "Payments:TreasuryPaymentIds:" + y.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "3690" + y.ToString(System.Globalization.CultureInfo.InvariantCulture) + "00000000001"));
    }

    /// <summary>The fields the bank posts to the RedirectUrl for <paramref name="transaction"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> CallbackFields(FakeSepTransaction transaction)
    {
        var ok = transaction.Status == 2;
        return
        [
            KeyValuePair.Create("MID", transaction.TerminalId),
            KeyValuePair.Create("TerminalId", transaction.TerminalId),
            KeyValuePair.Create("RefNum", ok ? transaction.RefNum! : ""),
            KeyValuePair.Create("ResNum", transaction.ResNum),
            KeyValuePair.Create("State", transaction.Status switch { 1 => "CanceledByUser", 2 => "OK", _ => "Failed" }),
            KeyValuePair.Create("Status", transaction.Status.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("TraceNo", ok ? transaction.TraceNo! : ""),
            KeyValuePair.Create("Amount", transaction.Amount.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("AffectiveAmount", ok ? transaction.Amount.ToString(CultureInfo.InvariantCulture) : "0"),
            KeyValuePair.Create("Wage", "0"),
            KeyValuePair.Create("Rrn", ok ? transaction.Rrn! : ""),
            KeyValuePair.Create("SecurePan", ok ? "621986******1234" : ""),
            KeyValuePair.Create("HashedCardNumber", ok ? "8f14e45fceea167a5a36dedd4bea2543" : ""),
            KeyValuePair.Create("Token", transaction.Token),
        ];
    }

    internal async Task<IResult?> FaultAsync(string operation, HttpContext context)
    {
        if (!nextAnswers.TryGetValue(operation, out var queue) || !queue.TryDequeue(out var answer))
        {
            return null;
        }

        switch (answer.Fault)
        {
            case FakeSepFault.Timeout:
                try
                {
                    await Task.Delay(TimeoutDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The caller gave up, as it should.
                }

                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            case FakeSepFault.ServerError:
                return Results.Content("<html><body>Internal Server Error</body></html>", "text/html", statusCode: StatusCodes.Status500InternalServerError);
            case FakeSepFault.Malformed:
                return Results.Content("<html><body>Service Unavailable", "application/json");
            default:
                var code = answer.ErrorCode.ToString(CultureInfo.InvariantCulture);
                return operation switch
                {
                    TokenOperation => Results.Json(new { status = -1, errorCode = code, errorDesc = "InvalidParameters" }),
                    ReceiptOperation => Results.Json(new { HasError = true, Data = (object?)null, ErrorCode = answer.ErrorCode, ErrorMessage = "error" }, JsonOptions),
                    _ => Results.Json(new { TransactionDetail = (object?)null, ResultCode = answer.ErrorCode, ResultDescription = "error", Success = false }, JsonOptions),
                };
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = null };

    internal async Task<JsonElement?> ReadAsync(string operation, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        requests.Enqueue(new FakeSepRequest(operation, body));
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal IResult Token(JsonElement body)
    {
        var terminal = Text(body, "TerminalId");
        var resNum = Text(body, "ResNum");
        var redirect = Text(body, "RedirectUrl");
        var amount = Number(body, "Amount");
        if (!string.Equals(Text(body, "action"), "token", StringComparison.Ordinal) || terminal != TerminalId || amount is not > 0
            || string.IsNullOrEmpty(resNum) || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || redirectUri.Scheme is not ("http" or "https"))
        {
            return Results.Json(new { status = -1, errorCode = "5", errorDesc = "InvalidParameters" });
        }

        var minutes = Math.Clamp(Number(body, "TokenExpiryInMin") ?? 20, 20, 3600);
        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        byToken[token] = new FakeSepTransaction
        {
            Token = token,
            TerminalId = terminal,
            Amount = amount.Value,
            ResNum = resNum,
            ResNum1 = Text(body, "ResNum1"),
            RedirectUrl = redirect!,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(minutes),
        };
        return Results.Json(new { status = 1, token });
    }

    internal IResult Verify(JsonElement body, bool reverse)
    {
        var refNum = Text(body, "RefNum");
        var terminal = Number(body, "TerminalNumber")?.ToString(CultureInfo.InvariantCulture);
        if (terminal != TerminalId)
        {
            return TransactionAnswer(null, -105);
        }

        var transaction = byToken.Values.FirstOrDefault(t => t.RefNum is not null && string.Equals(t.RefNum, refNum, StringComparison.Ordinal));
        if (transaction is null || transaction.Status != 2)
        {
            return TransactionAnswer(null, -2);
        }

        lock (transaction)
        {
            if (reverse)
            {
                var already = transaction.Reversed;
                transaction.Reversed = true;
                return TransactionAnswer(transaction, already ? 2 : 0);
            }

            transaction.VerifyCalls++;
            if (transaction.Reversed)
            {
                return TransactionAnswer(null, -2);
            }

            if (transaction.Verified)
            {
                return TransactionAnswer(transaction, 2);
            }

            if (DateTimeOffset.UtcNow - transaction.PaidAt > VerifyWindow)
            {
                return TransactionAnswer(null, -6);
            }

            transaction.Verified = true;
            return TransactionAnswer(transaction, 0);
        }
    }

    internal IResult Receipt(JsonElement body)
    {
        var terminal = Number(body, "TerminalNumber")?.ToString(CultureInfo.InvariantCulture);
        var token = Text(body, "Token");
        if (terminal != TerminalId || token is null || !byToken.TryGetValue(token, out var transaction))
        {
            return Results.Json(new { HasError = true, Data = (object?)null, ErrorCode = 404, ErrorMessage = "ResourceNotFound" }, JsonOptions);
        }

        var data = new
        {
            State = transaction.Status switch { 0 => "InProgress", 1 => "CanceledByUser", 2 => "OK", _ => "Failed" },
            transaction.Status,
            TerminalId = long.Parse(transaction.TerminalId, CultureInfo.InvariantCulture),
            transaction.Token,
            transaction.RefNum,
            transaction.ResNum,
            TraceNo = transaction.TraceNo is null ? 0 : long.Parse(transaction.TraceNo, CultureInfo.InvariantCulture),
            transaction.Amount,
            AffectiveAmount = transaction.Status == 2 ? transaction.Amount : 0,
            Rrn = transaction.Rrn is null ? 0 : long.Parse(transaction.Rrn, CultureInfo.InvariantCulture),
        };
        return Results.Json(new { HasError = false, Data = data, ErrorCode = 0, ErrorMessage = (string?)null }, JsonOptions);
    }

    private static IResult TransactionAnswer(FakeSepTransaction? transaction, int resultCode)
    {
        var detail = transaction is null ? null : new
        {
            RRN = transaction.Rrn,
            transaction.RefNum,
            MaskedPan = "621986******1234",
            HashedPan = "8f14e45fceea167a5a36dedd4bea2543",
            TerminalNumber = long.Parse(transaction.TerminalId, CultureInfo.InvariantCulture),
            OrginalAmount = transaction.Amount,
            AffectiveAmount = transaction.Amount,
            StraceDate = transaction.PaidAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            StraceNo = transaction.TraceNo,
        };
        return Results.Json(new { TransactionDetail = detail, ResultCode = resultCode, ResultDescription = resultCode >= 0 ? "عملیات با موفقیت انجام شد" : "خطا", Success = resultCode >= 0 }, JsonOptions);
    }

    internal static string PaymentPage(FakeSepTransaction transaction) => Page(
        "درگاه پرداخت اینترنتی سامان (شبیه‌ساز)",
        $"""
        <p data-fake-sep-amount>مبلغ: {transaction.Amount.ToString("N0", CultureInfo.InvariantCulture)} ریال</p>
        <form method="post" action="{Prefix}/OnlinePG/Pay">
          <input type="hidden" name="token" value="{Encode(transaction.Token)}">
          <button type="submit" name="decision" value="pay">پرداخت</button>
          <button type="submit" name="decision" value="cancel">انصراف</button>
        </form>
        """);

    internal static string CallbackPage(FakeSepTransaction transaction)
    {
        var fields = string.Concat(CallbackFields(transaction).Select(field => $"""<input type="hidden" name="{Encode(field.Key)}" value="{Encode(field.Value)}">"""));
        return Page(
            transaction.Status == 2 ? "پرداخت انجام شد" : "پرداخت انجام نشد",
            $"""
            <form method="post" action="{Encode(transaction.RedirectUrl)}">
              {fields}
              <button type="submit">بازگشت به سایت پذیرنده</button>
            </form>
            """);
    }

    internal static string DroppedCallbackPage() => Page("پرداخت انجام شد", "<p data-fake-sep-dropped>بازگشت به سایت پذیرنده انجام نشد (شبیه‌سازی بازگشت گم‌شده).</p>");

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="fa" dir="rtl">
        <head><meta charset="utf-8"><title>{Encode(title)}</title></head>
        <body><h1>{Encode(title)}</h1>{body}</body>
        </html>
        """;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string? Text(JsonElement body, string name) =>
        Property(body, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;

    private static long? Number(JsonElement body, string name) =>
        Property(body, name) is { } value
        && (value.ValueKind == JsonValueKind.Number ? value.TryGetInt64(out var number) : long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            ? number : null;

    private static JsonElement? Property(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string RandomDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => (i == 0 ? 1 + RandomNumberGenerator.GetInt32(9) : RandomNumberGenerator.GetInt32(10)).ToString(CultureInfo.InvariantCulture)));
}

/// <summary>The fake Sep's registration in <see cref="FakeProviderServer"/>.</summary>
public static class FakeSepEndpoints
{
    public static IServiceCollection AddFakeSep(this IServiceCollection services) => services.AddSingleton<FakeSep>();

    public static WebApplication MapFakeSep(this WebApplication app)
    {
        var sep = app.MapGroup(FakeSep.Prefix);
        sep.MapPost("/onlinepg/onlinepg", (HttpContext context, FakeSep fake) => Json(context, fake, FakeSep.TokenOperation, fake.Token));
        sep.MapPost("/verifyTxnRandomSessionkey/ipg/VerifyTransaction", (HttpContext context, FakeSep fake) => Json(context, fake, FakeSep.VerifyOperation, body => fake.Verify(body, reverse: false)));
        sep.MapPost("/verifyTxnRandomSessionkey/ipg/ReverseTransaction", (HttpContext context, FakeSep fake) => Json(context, fake, FakeSep.ReverseOperation, body => fake.Verify(body, reverse: true)));
        sep.MapPost("/verifyTxnRandomSessionkey/api/v2/ipg/payment/receipt", (HttpContext context, FakeSep fake) => Json(context, fake, FakeSep.ReceiptOperation, fake.Receipt));

        sep.MapGet("/OnlinePG/SendToken", (string? token, FakeSep fake) =>
            token is not null && fake.Transaction(token) is { } transaction
                ? Results.Content(FakeSep.PaymentPage(transaction), "text/html; charset=utf-8")
                : Results.NotFound());
        sep.MapPost("/OnlinePG/Pay", async (HttpContext context, FakeSep fake) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var token = form["token"].ToString();
            if (fake.Transaction(token) is not { } transaction)
            {
                return Results.NotFound();
            }

            fake.Decide(token, pay: form["decision"] == "pay");
            return Results.Content(
                fake.DropCallbacks && transaction.Status == 2 ? FakeSep.DroppedCallbackPage() : FakeSep.CallbackPage(transaction),
                "text/html; charset=utf-8");
        }).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Json(HttpContext context, FakeSep fake, string operation, Func<JsonElement, IResult> answer)
    {
        var body = await fake.ReadAsync(operation, context.Request);
        if (await fake.FaultAsync(operation, context) is { } fault)
        {
            return fault;
        }

        return body is { } json ? answer(json) : Results.BadRequest();
    }
}
