namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// A send that failed, with a short <see cref="Exception.Message"/> that holds no address, number or text.
/// <see cref="GiveUp"/> says that sending this message again cannot succeed (an invalid number, a text the operator
/// refuses), so the outbox abandons it at once instead of retrying for hours.
/// </summary>
public sealed class NotificationDeliveryException : Exception
{
    public NotificationDeliveryException(string reason, bool giveUp)
        : base(reason)
    {
        GiveUp = giveUp;
    }

    public NotificationDeliveryException(string reason)
        : base(reason)
    {
    }

    public NotificationDeliveryException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    public NotificationDeliveryException()
        : base("The message was not delivered.")
    {
    }

    public bool GiveUp { get; }
}
