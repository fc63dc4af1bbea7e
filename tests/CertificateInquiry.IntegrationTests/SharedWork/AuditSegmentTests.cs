using System.Security.Cryptography;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>
/// The inquiry audit journal on many servers (ADR-038): a segment reaches the database exactly once, whether it is found
/// again after its commit (a kill before the file's deletion) or left in a shared folder by a server that died and
/// taken over by the others at once.
/// </summary>
public abstract class AuditSegmentTests(ServerFarm farm)
{
    // Orphans older than a second are taken over (swept every half second); the files below are dated ten minutes back.
    private static readonly Dictionary<string, string?> FastTakeover = new() { ["Audit:OrphanTakeoverAfter"] = "00:00:01", ["Retention:Enabled"] = "false" };

    [SkippableFact]
    public async Task A_segment_found_again_after_it_was_committed_adds_no_audit_row()
    {
        using var a = farm.First(FastTakeover);
        _ = a.Services; // started: the writer sweeps its journal folder
        var client = NewClientHash();
        var path = OrphanSegment(JournalFolder(a), client, entries: 7);
        var bytes = await File.ReadAllBytesAsync(path);

        await WaitGoneAsync(path);
        Assert.Equal(7, await RowsAsync(a, client));

        // The same file again, as a process killed between the commit and the delete leaves it.
        await File.WriteAllBytesAsync(path, bytes);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-10));
        await WaitGoneAsync(path);

        Assert.Equal(7, await RowsAsync(a, client));
        var segment = await a.WithDatabaseAsync(db => db.InquiryAuditSegments.AsNoTracking().SingleAsync(s => s.Id == InquiryAuditWriter.SegmentId(path)));
        Assert.Equal(7, segment.Entries);
        Assert.True(a.LogsContain("already in the database"));
    }

    [SkippableFact]
    public async Task Segments_a_dead_server_left_in_a_shared_journal_folder_are_written_once_by_the_three_others()
    {
        using var a = farm.First(FastTakeover);
        using var b = farm.Another(a, FastTakeover);
        using var c = farm.Another(a, FastTakeover);
        _ = (a.Services, b.Services, c.Services);
        var client = NewClientHash();
        var folder = JournalFolder(a);
        var paths = Enumerable.Range(0, 6).Select(_ => OrphanSegment(folder, client, entries: 5)).ToList();

        foreach (var path in paths)
        {
            await WaitGoneAsync(path);
        }

        Assert.Equal(30, await RowsAsync(a, client));
        var ids = paths.Select(InquiryAuditWriter.SegmentId).ToList();
        Assert.Equal(6, await a.WithDatabaseAsync(db => db.InquiryAuditSegments.CountAsync(s => ids.Contains(s.Id))));
    }

    private static string JournalFolder(PortalFactory server) => Path.Combine(server.Folder, "audit-journal");

    private static string NewClientHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(InquiryAudit.ClientAddressHashLength / 2));

    /// <summary>A closed segment of <paramref name="entries"/> lookups, written by a journal of its own and left in <paramref name="folder"/> as if its server had died.</summary>
    private static string OrphanSegment(string folder, string clientHash, int entries)
    {
        var own = Directory.CreateTempSubdirectory("ci-journal-").FullName;
        try
        {
            using var journal = new InquiryJournal(own);
            for (var i = 0; i < entries; i++)
            {
                Assert.True(journal.Append(DateTime.UtcNow, InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null, clientHash));
            }

            var written = journal.Complete()!;
            var target = Path.Combine(folder, Path.GetFileName(written));
            File.Move(written, target);
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow.AddMinutes(-10));
            return target;
        }
        finally
        {
            Directory.Delete(own, recursive: true);
        }
    }

    private static Task WaitGoneAsync(string path) => Poll.UntilAsync(() => Task.FromResult(!File.Exists(path)), "the segment was not written");

    private static Task<int> RowsAsync(PortalFactory server, string clientHash) =>
        server.WithDatabaseAsync(db => db.InquiryAudit.CountAsync(e => e.ClientAddressHash == clientHash));
}
