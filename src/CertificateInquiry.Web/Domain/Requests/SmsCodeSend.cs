namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// One one-time code sent to a mobile number, whatever the request: the per-number cap counts these rows, so it holds
/// across drafts and across servers. <see cref="Sequence"/> numbers the sends to one number (unique with it): a send
/// claims the next number, so two servers sending at the same instant cannot both take the last free place.
/// Rows older than the cap's window are of no further use and are deleted as new ones come.
/// </summary>
public class SmsCodeSend
{
    public long Id { get; set; }

    /// <summary>Iranian mobile number, 11 ASCII digits starting 09.</summary>
    public required string Mobile { get; set; }

    /// <summary>1, 2, 3, … per <see cref="Mobile"/>; unique with it.</summary>
    public int Sequence { get; set; }

    /// <summary>The draft that asked for the code (no foreign key: deleting a draft must not free its sends); null for a holder's sign-in code.</summary>
    public long? RequestId { get; set; }

    public DateTime SentAtUtc { get; set; }
}
