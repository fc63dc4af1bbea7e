using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Audit;

namespace CertificateInquiry.UnitTests.Audit;

public sealed class InquiryJournalTests : IDisposable
{
    private const string Hash = "0123456789abcdef0123456789abcdef";

    private static readonly DateTime At = new(2026, 12, 6, 20, 0, 0, DateTimeKind.Utc);

    private readonly string folder = Directory.CreateTempSubdirectory("inquiry-journal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Entries_are_read_back_in_order_from_the_closed_segment()
    {
        using var journal = new InquiryJournal(folder);
        journal.Append(At, InquiryChannel.CertificateLookup, InquiryOutcome.Match, 42, Hash);
        journal.Append(At.AddSeconds(1), InquiryChannel.Verification, InquiryOutcome.Miss, null, Hash);

        var segment = journal.Rotate()!;

        Assert.Equal(
            [
                new JournalEntry(At, InquiryChannel.CertificateLookup, InquiryOutcome.Match, 42, Hash),
                new JournalEntry(At.AddSeconds(1), InquiryChannel.Verification, InquiryOutcome.Miss, null, Hash),
            ],
            InquiryJournal.Read(segment));
        Assert.Null(journal.Rotate()); // nothing since
    }

    [Fact]
    public void An_agency_entry_comes_back_field_for_field_whatever_its_free_text_holds()
    {
        using var journal = new InquiryJournal(folder);
        var signed = "eyJhbGciOiJFUzI1NiJ9." + new string('e', 1200) + ".c2ln";
        AgencyAuditFields[] agencies =
        [
            new(7, InquiryPurpose.Judicial, "۱۴۰۵/د/۱۲۳۴\tبا تب و\nخط نو", "افسر-۰۱", Hash, "0193a1b2c3d4e5f60718293a4b5c6d7e", signed),
            new(null, null, "", null, null, null, null), // a paper letter's unregistered agency, an empty reference
        ];
        foreach (var agency in agencies)
        {
            Assert.True(journal.Append(At, InquiryChannel.AgencyApi, InquiryOutcome.Match, 42, Hash, agency));
        }

        var entries = InquiryJournal.Read(journal.Rotate()!);

        Assert.Equal(agencies, entries.Select(e => e.Agency));
        Assert.All(entries, e => Assert.Equal((At, InquiryChannel.AgencyApi, 42L), (e.OccurredAtUtc, e.Channel, e.CertificateId!.Value)));
    }

    [Fact]
    public void A_line_torn_by_a_killed_process_is_skipped()
    {
        using var journal = new InquiryJournal(folder);
        journal.Append(At, InquiryChannel.LicenseCheck, InquiryOutcome.Miss, null, Hash);
        var segment = journal.Rotate()!;
        File.AppendAllText(segment, "639012345678901234\tCertificateLookup\tMa");

        Assert.Single(InquiryJournal.Read(segment));
    }

    [Fact]
    public void The_segment_being_written_is_no_orphan_and_one_left_by_another_process_is()
    {
        using var earlier = new InquiryJournal(folder);
        earlier.Append(At, InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null, Hash);
        using var journal = new InquiryJournal(folder);
        journal.Append(At, InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null, Hash);

        Assert.Empty(journal.Orphans()); // the earlier one still holds its segment: a live process

        var left = earlier.Rotate()!; // as a killed process leaves it: closed, not written to the database
        Assert.Equal([left], journal.Orphans());
    }

    [Fact]
    public void After_completion_nothing_is_appended()
    {
        using var journal = new InquiryJournal(folder);
        Assert.True(journal.Append(At, InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null, Hash));

        var last = journal.Complete()!;

        Assert.False(journal.Append(At, InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null, Hash));
        Assert.Single(InquiryJournal.Read(last));
    }
}
