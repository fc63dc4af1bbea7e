using System.Text.Json.Serialization;

namespace CertificateInquiry.Web.Infrastructure.Payments.Sep;

// Saman Electronic Payment's REST protocol, as public client code documents it (nothing here is guessed beyond it):
// - the token request and its answer: hossein-225/Iranian-bank-gateways gateways/saman/request.go, and
//   Ehsanghodrati/sep index.php (action "token", TerminalId, Amount, ResNum, RedirectUrl, CellNumber; answer status
//   1 / -1, errorCode, errorDesc, token; the browser goes to OnlinePG/SendToken?token=… or posts Token to OnlinePG/OnlinePG);
//   TokenExpiryInMin (20 to 3600) and ResNum1–ResNum4 ("optional resnum, used for reporting", where the treasury's
//   payment ID goes): abramad-labs/irbankmock internal/banks/sep/apimodels.go;
// - the callback's form fields (MID, TerminalId, RefNum, ResNum, State, TraceNo, Amount, Wage, Rrn, SecurePan, Status,
//   Token, HashedCardNumber): AmirmohammadBeheshti/steel_company_exam src/payment/interface/payment-res.interface.ts;
//   the Status codes 0 InProgress, 1 CanceledByUser, 2 OK, 3 Failed: abramad-labs/irbankmock
//   internal/banks/sep/apimodels.go; 4 SessionIsNull and the others: a public Django client of Sep (SepResponse)
//   that the code search found without naming its repository;
// - VerifyTransaction and ReverseTransaction (POST { RefNum, TerminalNumber }; answer TransactionDetail { RRN, RefNum,
//   MaskedPan, HashedPan, TerminalNumber, OrginalAmount, AffectiveAmount, StraceDate, StraceNo }, ResultCode,
//   ResultDescription, Success): hossein-225/Iranian-bank-gateways gateways/saman/verify.go and reverse.go; ResultCode 0
//   success, 2 already done, -2 not found, -6 after the 30-minute window, -104 terminal disabled, -105 terminal not
//   found, -106 address not allowed: the same Django client's SepResponseConfirmation;
// - the receipt inquiry by token (POST { TerminalNumber, Token } to verifyTxnRandomSessionkey/api/v2/ipg/payment/receipt;
//   answer HasError, Data { State, Status, TerminalId, Token, RefNum, ResNum, TraceNo, Amount, AffectiveAmount, Rrn },
//   ErrorCode, ErrorMessage): abramad-labs/irbankmock internal/banks/sep/apimodels.go and sepgw.go.

/// <summary>The paths under <see cref="SepGatewayOptions.BaseAddress"/>.</summary>
public static class SepPaths
{
    public const string Token = "onlinepg/onlinepg";
    public const string PaymentPage = "OnlinePG/SendToken";
    public const string Verify = "verifyTxnRandomSessionkey/ipg/VerifyTransaction";
    public const string Reverse = "verifyTxnRandomSessionkey/ipg/ReverseTransaction";
    public const string Receipt = "verifyTxnRandomSessionkey/api/v2/ipg/payment/receipt";
}

/// <summary>The callback's field names and values.</summary>
public static class SepCallbackFields
{
    public const string Token = "Token";
    public const string State = "State";
    public const string Status = "Status";
    public const string RefNum = "RefNum";
    public const string ResNum = "ResNum";
    public const string TerminalId = "TerminalId";
    public const string MerchantId = "MID";
    public const string Amount = "Amount";
    public const string Rrn = "RRN";
    public const string TraceNo = "TraceNo";
    public const string SecurePan = "SecurePan";

    public const string StateOk = "OK";
    public const int StatusCanceledByUser = 1;
    public const int StatusOk = 2;
    public const int StatusFailed = 3;
    public const int StatusSessionIsNull = 4;
}

/// <summary>The verify and reverse answers' result codes.</summary>
public static class SepResultCodes
{
    public const int Success = 0;
    public const int AlreadyDone = 2;
    public const int NotFound = -2;
    public const int WindowPassed = -6;
}

public sealed record SepTokenRequest(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("TerminalId")] string TerminalId,
    [property: JsonPropertyName("Amount")] long Amount,
    [property: JsonPropertyName("ResNum")] string ResNum,
    [property: JsonPropertyName("RedirectUrl")] string RedirectUrl,
    [property: JsonPropertyName("TokenExpiryInMin")] int TokenExpiryInMin,
    [property: JsonPropertyName("ResNum1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResNum1);

public sealed record SepTokenAnswer(int Status, [property: JsonConverter(typeof(SepText))] string? Token, [property: JsonConverter(typeof(SepText))] string? ErrorCode, string? ErrorDesc);

public sealed record SepTransactionRequest(
    [property: JsonPropertyName("RefNum")] string RefNum,
    [property: JsonPropertyName("TerminalNumber")] long TerminalNumber);

public sealed record SepTransactionDetail(
    [property: JsonConverter(typeof(SepText))] string? Rrn,
    [property: JsonConverter(typeof(SepText))] string? RefNum,
    [property: JsonConverter(typeof(SepText))] string? MaskedPan,
    long TerminalNumber,
    long OrginalAmount,
    long AffectiveAmount,
    [property: JsonConverter(typeof(SepText))] string? StraceNo);

public sealed record SepTransactionAnswer(SepTransactionDetail? TransactionDetail, int ResultCode, string? ResultDescription, bool Success);

public sealed record SepReceiptRequest(
    [property: JsonPropertyName("TerminalNumber")] long TerminalNumber,
    [property: JsonPropertyName("Token")] string Token);

public sealed record SepReceipt(
    string? State,
    int Status,
    long TerminalId,
    [property: JsonConverter(typeof(SepText))] string? Token,
    [property: JsonConverter(typeof(SepText))] string? RefNum,
    [property: JsonConverter(typeof(SepText))] string? ResNum,
    long Amount);

public sealed record SepReceiptAnswer(bool HasError, SepReceipt? Data, int ErrorCode, string? ErrorMessage);
