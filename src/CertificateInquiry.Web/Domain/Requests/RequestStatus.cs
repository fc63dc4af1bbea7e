namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>Where an inquiry request about a paper-era certificate stands; see <see cref="RequestStateMachine"/>.</summary>
public enum RequestStatus
{
    /// <summary>Being filled in, or filled in but not yet paid.</summary>
    Draft,

    /// <summary>Paid and sent to the province; has a tracking code.</summary>
    Submitted,

    UnderReview,

    /// <summary>Staff asked the applicant for more documents.</summary>
    NeedsMoreDocuments,

    /// <summary>An in-person visit or a practical exam is scheduled.</summary>
    AwaitingVisit,

    /// <summary>Final: see <see cref="InquiryRequest.Outcome"/>.</summary>
    Answered,
}

public enum AnswerOutcome
{
    /// <summary>The certificate was found in the paper archive; it is now in the online lookup.</summary>
    Confirmed,

    NotFound,

    /// <summary>Refused, with a reason (e.g. forged documents, not the holder).</summary>
    Rejected,
}

/// <summary>Who files the request.</summary>
public enum RequesterKind
{
    Holder,

    /// <summary>An organization asking on the holder's behalf, with its letter.</summary>
    Organization,
}

public enum VisitKind
{
    InPerson,
    PracticalExam,
}
