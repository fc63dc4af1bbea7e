namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>A send that failed, with a short <see cref="Exception.Message"/> that holds no address, number or text.</summary>
public sealed class NotificationDeliveryException : Exception
{
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
}
