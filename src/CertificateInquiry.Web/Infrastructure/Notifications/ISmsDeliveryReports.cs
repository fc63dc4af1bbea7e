using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// An SMS operator's delivery reports, asked for by the idempotency keys the messages were sent with (the operator
/// knows them as its own ids, e.g. Kavenegar's localid), so that nothing of the operator's needs storing. Keys the
/// operator does not know are left out of the answer. Throws when no answer could be had.
/// </summary>
public interface ISmsDeliveryReports
{
    Task<IReadOnlyDictionary<string, SmsDelivery>> CheckAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);
}
