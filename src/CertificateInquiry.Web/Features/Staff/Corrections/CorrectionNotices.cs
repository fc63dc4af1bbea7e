using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Holders.Corrections;
using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.Staff.Corrections;

/// <summary>
/// The SMS that tells the holder how their report ended. It only adds an <see cref="OutboxMessage"/> to the context:
/// the approval's own SaveChanges writes it with the change it reports (ADR-007), and the dispatcher sends it. It
/// names the field and the certificate number, never a name, a national code or a value.
/// </summary>
public sealed class CorrectionNotices(AppDbContext db, TimeProvider clock, PublicAddress portal)
{
    public OutboxMessage Decided(CertificateCorrection correction, string certificateNumber)
    {
        var title = CorrectionValues.Title(correction.Field);
        var body = correction.Status == CorrectionStatus.Corrected
            ? "اصلاح " + title + " گواهینامه شماره " + certificateNumber + " انجام شد."
            : "گزارش خطای " + title + " گواهینامه شماره " + certificateNumber + " پذیرفته نشد.\nدلیل: " + correction.ProposedReason;
        body += "\nسازمان آموزش فنی و حرفه‌ای کشور\n" + portal.For("/my/corrections");
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Channel = NotificationChannel.Sms,
            Recipient = correction.Mobile,
            Body = body,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        db.Outbox.Add(message);
        return message;
    }
}
