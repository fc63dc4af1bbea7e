namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>One recorded move of a request (append-only): who, when, from and to, and an optional note.</summary>
public class RequestTransition
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public RequestStatus? From { get; set; }

    public RequestStatus To { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary><see cref="RequestActor.Applicant"/>, <see cref="RequestActor.System"/> or a staff user's id.</summary>
    public required string Actor { get; set; }

    /// <summary>A display name for the actor, kept as it was at the time.</summary>
    public required string ActorName { get; set; }

    /// <summary>Shown to the applicant in the timeline.</summary>
    public string? Note { get; set; }
}

public static class RequestActor
{
    public const string Applicant = "applicant";
    public const string System = "system";
}
