namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>What became of spending a CAPTCHA solution.</summary>
public enum SpendOutcome
{
    /// <summary>First time: it is now spent on this form.</summary>
    Spent,

    /// <summary>Spent before on exactly this form (the same form hash).</summary>
    Resubmitted,

    /// <summary>Spent before on another form, or with no form to compare.</summary>
    Replayed,

    /// <summary>Redis is configured but did not answer: nobody can tell whether another server spent it.</summary>
    Unavailable,
}
