using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;

/// <summary>What a refusal of Kavenegar's means for the message, and who has to act.</summary>
public enum KavenegarRefusal
{
    /// <summary>The operator is busy or limiting calls, or the network failed: the same message can go later.</summary>
    TryLater,

    /// <summary>The account or the settings are wrong (key, credit, line, template, allowed IP): every message fails until an operator fixes it, then they go.</summary>
    AccountNeedsAttention,

    /// <summary>This message can never go (an invalid number, a text the operator refuses): sending it again is pointless.</summary>
    MessageRefused,
}

/// <summary>
/// Kavenegar's result codes (the <c>return.status</c> of every answer, also its HTTP status) as its REST document
/// (kavenegar.com/rest.html) and its published clients list them, and what each means for us. Message statuses of
/// the status calls are mapped in <see cref="Delivery"/>.
/// </summary>
public static class KavenegarStatus
{
    public const int Accepted = 200;

    public static (KavenegarRefusal Refusal, string Meaning) Explain(int code) => code switch
    {
        400 => (KavenegarRefusal.AccountNeedsAttention, "parameters incomplete: the portal's call does not match the operator's API"),
        401 => (KavenegarRefusal.AccountNeedsAttention, "account deactivated"),
        402 => (KavenegarRefusal.TryLater, "operation failed at the operator"),
        403 => (KavenegarRefusal.AccountNeedsAttention, "API key not valid"),
        404 => (KavenegarRefusal.AccountNeedsAttention, "method unknown: check Sms:Kavenegar:BaseUrl"),
        405 => (KavenegarRefusal.AccountNeedsAttention, "GET/POST method wrong"),
        406 => (KavenegarRefusal.AccountNeedsAttention, "a required parameter was empty"),
        407 => (KavenegarRefusal.AccountNeedsAttention, "access to this information is not allowed for the account"),
        409 => (KavenegarRefusal.TryLater, "operator's server cannot answer now"),
        411 => (KavenegarRefusal.MessageRefused, "recipient number not valid"),
        412 => (KavenegarRefusal.AccountNeedsAttention, "sender line not valid: check Sms:Kavenegar:Sender"),
        413 => (KavenegarRefusal.MessageRefused, "message empty or too long"),
        414 => (KavenegarRefusal.MessageRefused, "request too large"),
        416 => (KavenegarRefusal.AccountNeedsAttention, "this server's IP address is not allowed in the account's settings"),
        417 => (KavenegarRefusal.MessageRefused, "send date not valid"),
        418 => (KavenegarRefusal.AccountNeedsAttention, "account credit spent"),
        420 => (KavenegarRefusal.MessageRefused, "links in messages are not allowed for the account"),
        422 => (KavenegarRefusal.MessageRefused, "text holds characters the operator cannot process"),
        424 => (KavenegarRefusal.AccountNeedsAttention, "template not found or not approved: check Sms:Kavenegar:CodeTemplate"),
        426 => (KavenegarRefusal.AccountNeedsAttention, "the method needs the operator's advanced service"),
        427 => (KavenegarRefusal.AccountNeedsAttention, "the line needs an access level from the operator"),
        428 => (KavenegarRefusal.MessageRefused, "code cannot be sent by voice call"),
        429 => (KavenegarRefusal.AccountNeedsAttention, "IP address restricted by the operator"),
        431 => (KavenegarRefusal.MessageRefused, "code structure not valid (spaces, new lines or separators in the token)"),
        432 => (KavenegarRefusal.AccountNeedsAttention, "the template has no %token parameter"),
        451 => (KavenegarRefusal.TryLater, "too many calls in a short time; the operator limits this IP for a while"),
        501 => (KavenegarRefusal.AccountNeedsAttention, "test account: messages go only to the account owner's number"),
        >= 500 and <= 599 => (KavenegarRefusal.TryLater, "operator's server error"),
        _ => (KavenegarRefusal.TryLater, "unknown result code"),
    };

    /// <summary>
    /// A message's status in the status answers: 1 queued, 2 scheduled, 4 and 5 sent to the telecom network, 6 failed,
    /// 10 delivered, 11 not delivered (phone unreachable), 13 cancelled, 14 blocked (the recipient refuses
    /// advertising), 100 no such message.
    /// </summary>
    public static SmsDelivery Delivery(int status) => status switch
    {
        1 or 2 or 4 or 5 => SmsDelivery.Pending,
        10 => SmsDelivery.Delivered,
        6 or 11 or 13 or 14 => SmsDelivery.Failed,
        _ => SmsDelivery.Unknown,
    };
}
