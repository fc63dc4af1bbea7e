namespace CertificateInquiry.Web.Domain;

/// <summary>
/// A periodic job that runs on one server at a time although every server runs its timer (ADR-038). The row is the
/// lease: a server takes it with one conditional UPDATE when <see cref="LeasedUntilUtc"/> has passed, renews it while
/// its pass runs, and at the end sets <see cref="LeasedUntilUtc"/> to when the next pass is due, so that N servers run
/// the job once per interval between them and a server that dies mid-pass leaves it to another once the lease runs out.
/// </summary>
public class JobLease
{
    public const int NameLength = 100;

    public const int OwnerLength = 100;

    /// <summary>The job's name, e.g. <c>retention</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The server (process) that holds or last held the lease: machine, process id and a random part.</summary>
    public string? Owner { get; set; }

    /// <summary>No other server takes the job before this: the end of a running pass's lease, or when the next pass is due.</summary>
    public DateTime LeasedUntilUtc { get; set; }
}
