using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// Tells the applicant about their request: an SMS to the mobile and, when given, an email. The methods only
/// add <see cref="OutboxMessage"/> rows to the context; the caller saves them in the same SaveChanges as the
/// change they report, so a message exists exactly when the change does, and <see cref="OutboxDispatcher"/>
/// sends it. Messages carry the tracking code and the status, never the national code or a name.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, PublicAddress portal)
{
    private const string Service = "استعلام گواهینامه";
    private const string Organization = "سازمان آموزش فنی و حرفه‌ای کشور";

    /// <summary>
    /// Draft → Submitted: the tracking code and, in the e-mail, <paramref name="expectedAnswerOn"/>: the date the
    /// receipt promises (the caller takes it from the service levels, the one source of expected dates), not the
    /// request's <see cref="InquiryRequest.DueOn"/>, which for a submitted request is when the review starts.
    /// </summary>
    public IReadOnlyList<OutboxMessage> RequestSubmitted(InquiryRequest request, DateOnly expectedAnswerOn)
    {
        var code = TrackingCodeOf(request);
        var headline = "درخواست " + Service + " شما ثبت شد.";
        var emailDetails = "پاسخ تا " + JalaliDate.FormatPersian(expectedAnswerOn) + " آماده می‌شود.";
        return Add(request, headline, smsDetails: null, emailDetails, subjectStatus: "ثبت شد، کد رهگیری " + code);
    }

    /// <summary>Any later move (from <see cref="InquiryRequest.MoveTo"/> and the like), after the request has moved; not the submission.</summary>
    public IReadOnlyList<OutboxMessage> StatusChanged(InquiryRequest request, RequestTransition transition)
    {
        var code = TrackingCodeOf(request);
        var status = RequestStatusText.Current(request);
        string? details = null;
        string? emailDetails = null;
        var headline = "وضعیت درخواست " + Service + " شما تغییر کرد.";
        switch (transition.To)
        {
            case RequestStatus.Submitted:
                throw new InvalidOperationException("A submission is notified through RequestSubmitted, with its expected answer date.");
            case RequestStatus.NeedsMoreDocuments:
                details = "لطفاً مدارک خواسته‌شده را در صفحه پیگیری بفرستید.";
                emailDetails = details;
                break;
            case RequestStatus.AwaitingVisit when request.VisitAtLocal is { } visitAt:
                var when = JalaliDate.FormatPersian(DateOnly.FromDateTime(visitAt)) + " ساعت "
                    + PersianText.ToPersianDigits(visitAt.ToString("HH:mm", CultureInfo.InvariantCulture));
                details = "زمان: " + when + ". نشانی و جزئیات در صفحه پیگیری.";
                emailDetails = "زمان: " + when + (string.IsNullOrWhiteSpace(request.VisitPlace) ? string.Empty : "\nنشانی: " + request.VisitPlace);
                break;
            case RequestStatus.Answered:
                headline = "به درخواست " + Service + " شما پاسخ داده شد.";
                details = "پاسخ و نامه رسمی در صفحه پیگیری.";
                emailDetails = "پاسخ و نامه رسمی را در صفحه پیگیری ببینید.";
                break;
        }

        return Add(request, headline, details, emailDetails, subjectStatus: status + " (" + code + ")");
    }

    private List<OutboxMessage> Add(InquiryRequest request, string headline, string? smsDetails, string? emailDetails, string subjectStatus)
    {
        var code = TrackingCodeOf(request);
        var status = RequestStatusText.Current(request);
        var link = TrackingLink();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<OutboxMessage>(2);

        if (!string.IsNullOrEmpty(request.Mobile))
        {
            var sms = new StringBuilder()
                .Append(headline).Append('\n')
                .Append("کد رهگیری: ").Append(code).Append('\n')
                .Append("وضعیت: ").Append(status);
            if (smsDetails is not null)
            {
                sms.Append('\n').Append(smsDetails);
            }

            sms.Append('\n').Append("پیگیری: ").Append(link);
            added.Add(NewMessage(request, NotificationChannel.Sms, request.Mobile, null, sms.ToString(), now));
        }

        if (!string.IsNullOrEmpty(request.Email))
        {
            var email = new StringBuilder()
                .Append("با سلام،").Append("\n\n")
                .Append(headline).Append('\n')
                .Append("کد رهگیری: ").Append(code).Append('\n')
                .Append("وضعیت: ").Append(status).Append('\n');
            if (emailDetails is not null)
            {
                email.Append(emailDetails).Append('\n');
            }

            email.Append('\n')
                .Append("برای دیدن جزئیات، در ").Append(link).Append(" کد رهگیری و ").Append(HolderIdentifier.Label(request.IsForeignNational)).Append(" خود را وارد کنید.").Append("\n\n")
                .Append(Organization).Append('\n')
                .Append("این پیام خودکار است؛ لطفاً به آن پاسخ ندهید.");
            added.Add(NewMessage(request, NotificationChannel.Email, request.Email, "درخواست " + Service + ": " + subjectStatus, email.ToString(), now));
        }

        db.Outbox.AddRange(added);
        return added;
    }

    private static OutboxMessage NewMessage(InquiryRequest request, NotificationChannel channel, string recipient, string? subject, string body, DateTime now) => new()
    {
        Channel = channel,
        Recipient = recipient,
        Subject = subject,
        Body = body,
        RequestId = request.Id,
        CreatedAtUtc = now,
        NextAttemptAtUtc = now,
    };

    private static string TrackingCodeOf(InquiryRequest request)
    {
        if (request.Id == 0 || request.TrackingCode is null)
        {
            // The outbox row points at the request, and the applicant needs the code to look anything up.
            throw new InvalidOperationException("Only a saved request with a tracking code is notified.");
        }

        return request.TrackingCode;
    }

    private string TrackingLink() => portal.For("/requests/track");
}
