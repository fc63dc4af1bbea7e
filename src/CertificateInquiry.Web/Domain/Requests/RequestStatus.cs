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

/// <summary>Shahkar's word on the applicant's mobile.</summary>
public enum MobileOwnership
{
    /// <summary>Not asked: no Shahkar configured, or an organization's contact number.</summary>
    NotChecked,

    Confirmed,

    /// <summary>Shahkar could not be asked (down, timed out): the code went out anyway, and staff see it.</summary>
    NotConfirmed,
}

/// <summary>The civil registry's word on the applicant's identity; a difference never blocks the request (staff decide).</summary>
public enum IdentityCheck
{
    /// <summary>Not asked yet, or no registry configured.</summary>
    NotChecked,

    Confirmed,

    /// <summary>The registry holds a name differently (<see cref="InquiryRequest.IdentityDifferences"/>).</summary>
    Differs,

    /// <summary>The registry has no one with this national code and birth date.</summary>
    NotFound,

    /// <summary>The registry could not be asked after several tries.</summary>
    Unavailable,
}

/// <summary>The identity fields compared with the registry.</summary>
public enum IdentityField
{
    FirstName,
    LastName,
    FatherName,
}
