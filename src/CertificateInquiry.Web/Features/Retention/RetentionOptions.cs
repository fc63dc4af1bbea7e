namespace CertificateInquiry.Web.Features.Retention;

/// <summary>The <c>Retention</c> settings section: what the retention clean-up deletes and when (ADR-038).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>False switches the clean-up off on this server (another server with it on still runs it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the clean-up runs, on one server at a time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a one-time code's row is kept after it was sent, for a holder's sign-in or a request already submitted
    /// (never less than <c>PhoneVerification:NumberWindow</c>, whose caps count them).
    /// </summary>
    public TimeSpan SpentCodesKeptFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A draft nobody has changed for this long, never submitted and never paid for, is deleted with its uploaded files; zero keeps drafts for ever.</summary>
    public TimeSpan AbandonedDraftsAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long the mark of an audit journal segment written to the database is kept: a segment found on a disk after
    /// this (a server away longer) could be written twice.
    /// </summary>
    public TimeSpan AuditSegmentsKeptFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Drafts deleted per page of the pass.</summary>
    public int BatchSize { get; set; } = 100;

    internal bool IsValid =>
        Interval > TimeSpan.Zero && SpentCodesKeptFor >= TimeSpan.Zero && AbandonedDraftsAfter >= TimeSpan.Zero
        && AuditSegmentsKeptFor >= TimeSpan.FromDays(1) && BatchSize > 0;
}
