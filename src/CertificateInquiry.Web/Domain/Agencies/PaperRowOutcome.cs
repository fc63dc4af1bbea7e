namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>What became of one row of a paper letter.</summary>
public enum PaperRowOutcome
{
    /// <summary>A certificate was found: answered.</summary>
    Verified,

    /// <summary>Not in the database: an inquiry request of the province was opened for it (not answered yet).</summary>
    Referred,

    /// <summary>Its request was answered without a confirmed certificate: answered.</summary>
    NotFound,

    /// <summary>The row could not be read (a wrong national code, a missing number, a repeat): answered with the reason.</summary>
    Invalid,
}
