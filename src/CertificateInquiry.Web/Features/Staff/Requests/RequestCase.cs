using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>One uploaded document as staff see it; opened through the authorized document action.</summary>
public sealed record CaseDocument(long Id, DocumentKind Kind, string OriginalName, string ContentType, long Length, DateTime UploadedAtUtc, RequestStatus UploadedInStatus)
{
    public string KindTitle => DocumentKindText.Title(Kind);

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>One move of the request, with who made it (staff see names; the applicant does not).</summary>
public sealed record CaseTransition(DateTime AtUtc, RequestStatus? From, RequestStatus To, string ActorName, string? Note);

/// <summary>A message to the applicant, or an internal note (<see cref="IsInternal"/>) that only staff ever see.</summary>
public sealed record CaseMessage(DateTime AtUtc, string AuthorName, string Text, bool IsInternal);

/// <summary>A proposed answer and what became of it.</summary>
public sealed record CaseProposal(AnswerProposal Proposal, string? StandardTitle, string? LinkedCertificateNumber)
{
    public string OutcomeTitle => RequestStatusText.Title(Proposal.Outcome);

    public string StateTitle => Proposal.Decision switch
    {
        null => "در انتظار تأیید مدیر",
        ProposalDecision.Approved => "تأیید و صادر شد",
        _ => "برگردانده شد",
    };
}

/// <summary>The answer letter issued for the request, offered on the case page through the staff download.</summary>
public sealed record CaseLetter(string LetterNumber, DateTime IssuedAtUtc);

/// <summary>
/// A text message or email the portal sent (or is sending) the applicant about the request, and what became of it: staff
/// see a message that never went, and an SMS the network could not deliver, instead of waiting for an applicant who
/// never heard from them.
/// </summary>
public sealed record CaseNotification(
    NotificationChannel Channel, string Recipient, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime? AbandonedAtUtc, int Attempts, string? LastError, SmsDelivery Delivery)
{
    public string ChannelTitle => Channel == NotificationChannel.Sms ? "پیامک" : "ایمیل";

    /// <summary>The state in a few Persian words: the one thing staff need to act on.</summary>
    public string StateTitle => (SentAtUtc, AbandonedAtUtc, Delivery) switch
    {
        (_, not null, _) => "فرستاده نشد",
        (null, null, _) when Attempts > 0 => "در انتظار تلاش دوباره",
        (null, null, _) => "در صف ارسال",
        (_, _, SmsDelivery.Delivered) => "به گوشی رسید",
        (_, _, SmsDelivery.Failed) => "به گوشی نرسید",
        _ => "فرستاده شد",
    };

    /// <summary>A message that did not or could not reach the applicant: staff may need to call or write.</summary>
    public bool NeedsAttention => AbandonedAtUtc is not null || Delivery == SmsDelivery.Failed;
}

/// <summary>A member of staff of the request's province, to whom it can be assigned.</summary>
public sealed record Colleague(string Id, string Name, string RoleTitle);

/// <summary>Everything the case page shows about one request, read once, untracked, within the user's scope.</summary>
public sealed record RequestCase(
    InquiryRequest Request,
    string? StandardTitle,
    string? StandardCode,
    string? ProvinceName,
    string? AssignedToName,
    string? AnswerCertificateNumber,
    bool IsOverdue,
    IReadOnlyList<CaseDocument> Documents,
    IReadOnlyList<CaseTransition> Timeline,
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyList<CaseProposal> Proposals,
    IReadOnlyList<Colleague> Colleagues,
    IReadOnlyList<CaseNotification> Notifications,
    CaseLetter? Letter = null)
{
    public CaseProposal? PendingProposal => Proposals.FirstOrDefault(p => p.Proposal.IsPending);

    public string ApplicantName => $"{Request.FirstName} {Request.LastName}".Trim();

    public string Trade => StandardTitle ?? Request.TradeText ?? "—";
}
