namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>What an agency may ask. Stored as flags; on the wire each is an OAuth scope (<see cref="AgencyScopeNames"/>).</summary>
[Flags]
public enum AgencyScopes
{
    None = 0,

    /// <summary><c>inquiry.verify</c>: one certificate, by national code and certificate number.</summary>
    Verify = 1,

    /// <summary><c>inquiry.person</c>: every certificate of one national code, for bodies entitled to it (the Judiciary).</summary>
    Person = 2,

    /// <summary><c>batch</c>: files of many rows.</summary>
    Batch = 4,
}
