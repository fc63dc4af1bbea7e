using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.Win32.SafeHandles;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// The inquiry audit's write-ahead file: each entry is appended to the current segment (one <c>write</c> to the
/// operating system, no <c>fsync</c>) before the inquiry is answered, so a killed process loses none that were
/// answered; <see cref="InquiryAuditWriter"/> rotates the segment every <c>Audit:WriteInterval</c>, writes the closed
/// one to the database in one transaction and deletes it. Segments left by a killed process are written at the next
/// start-up (ADR-018).
/// </summary>
/// <remarks>
/// One line per entry, ASCII: <c>ticks TAB channel TAB outcome TAB certificate id TAB client address hash</c>, and for an
/// agency's inquiry eight more fields: agency id (empty for a paper letter's unregistered agency), purpose, case reference and officer ID (UTF-8 in base64url, since
/// they are the agency's own text), national-code hash, inquiry id, signed answer (a JWS, ASCII already) and "1" for a
/// confidential inquiry (a line of seven, written before that field existed, reads as not confidential). Only the
/// hashes are written, never the address or the national code. A segment is held with an exclusive lock while it is written, so a second
/// process on the same folder never replays a segment still in use.
/// </remarks>
public sealed class InquiryJournal : IDisposable
{
    public const string Extension = ".journal";

    private readonly Lock gate = new();
    private readonly string folder;
    private readonly SemaphoreSlim entriesWaiting = new(0, 1);
    private SafeFileHandle? segment;
    private string? segmentPath;
    private long offset;
    private bool completed;

    public InquiryJournal(string folder)
    {
        this.folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string Folder => folder;

    /// <summary>Appends one entry to the current segment. False once the journal is closed (shutting down) or on an I/O error.</summary>
    public bool Append(
        DateTime occurredAtUtc, InquiryChannel channel, InquiryOutcome outcome, long? certificateId, string clientAddressHash, AgencyAuditFields? agency = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLineBytes(agency));
        var first = false;
        try
        {
            var line = buffer.AsSpan(0, WriteLine(buffer, occurredAtUtc, channel, outcome, certificateId, clientAddressHash, agency));
            lock (gate)
            {
                if (completed)
                {
                    return false;
                }

                if (segment is null)
                {
                    segmentPath = Path.Combine(folder, Guid.CreateVersion7().ToString("N") + Extension);
                    segment = File.OpenHandle(segmentPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    offset = 0;
                    first = true;
                }

                RandomAccess.Write(segment, line, offset);
                offset += line.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (first)
        {
            try
            {
                entriesWaiting.Release();
            }
            catch (SemaphoreFullException)
            {
                // the writer has been told already
            }
            catch (ObjectDisposedException)
            {
                // disposed at shutdown between the append and this: the line is in the segment all the same
            }
        }

        return true;
    }

    /// <summary>Waits until a segment holds at least one entry.</summary>
    public Task WaitForEntriesAsync(CancellationToken cancellationToken) => entriesWaiting.WaitAsync(cancellationToken);

    /// <summary>Waits until a segment holds at least one entry or <paramref name="timeout"/> has passed; false on the timeout.</summary>
    public Task<bool> WaitForEntriesAsync(TimeSpan timeout, CancellationToken cancellationToken) => entriesWaiting.WaitAsync(timeout, cancellationToken);

    /// <summary>Closes the current segment and returns its path (null when nothing was appended since the last rotation).</summary>
    public string? Rotate()
    {
        lock (gate)
        {
            return CloseSegment();
        }
    }

    /// <summary>Refuses further entries and closes the current segment; returns its path, if any.</summary>
    public string? Complete()
    {
        lock (gate)
        {
            completed = true;
            return CloseSegment();
        }
    }

    /// <summary>
    /// Segments in the folder that no process holds: those left by a process that was killed (or of an earlier
    /// rotation whose write failed). A segment another running process is writing is locked and left alone.
    /// </summary>
    public IReadOnlyList<string> Orphans()
    {
        var orphans = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            lock (gate)
            {
                if (path == segmentPath)
                {
                    continue;
                }
            }

            try
            {
                using var probe = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.None);
                orphans.Add(path);
            }
            catch (IOException)
            {
                // held by a live process
            }
        }

        return orphans;
    }

    /// <summary>The entries of a closed segment, in order; a torn last line (a process killed mid-write) is skipped.</summary>
    public static List<JournalEntry> Read(string path)
    {
        using var segment = new StreamReader(path, Encoding.ASCII);
        return [.. ReadEntries(segment)];
    }

    /// <summary>The entries of a closed segment as they are read, in order; a torn last line is skipped.</summary>
    public static IEnumerable<JournalEntry> ReadEntries(TextReader segment)
    {
        while (segment.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            var agency = fields.Length is 12 or 13 ? ReadAgencyFields(fields) : null;
            if ((fields.Length == 5 || agency is not null)
                && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999
                && Enum.TryParse<InquiryChannel>(fields[1], out var channel)
                && Enum.TryParse<InquiryOutcome>(fields[2], out var outcome)
                && (fields[3].Length == 0 || long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                && fields[4].Length == InquiryAudit.ClientAddressHashLength)
            {
                long? certificateId = fields[3].Length == 0 ? null : long.Parse(fields[3], CultureInfo.InvariantCulture);
                yield return new JournalEntry(new DateTime(ticks, DateTimeKind.Utc), channel, outcome, certificateId, fields[4], agency);
            }
        }
    }

    /// <summary>Closes the segment without deleting it (written at the next start-up if the writer did not get to it).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            completed = true;
            segment?.Dispose();
            segment = null;
        }

        entriesWaiting.Dispose();
    }

    // Written straight into a pooled buffer: the line holds the signed answer (about a kilobyte), and building it as
    // strings first cost a few microseconds of each agency inquiry (bench/README.md). Every byte is ASCII.
    private static int MaxLineBytes(AgencyAuditFields? agency) =>
        128 + (agency is null ? 0 : 256 + (agency.SignedAnswer?.Length ?? 0) + EncodedLength(agency.CaseReference) + EncodedLength(agency.OfficerId));

    private static int EncodedLength(string? text) => text is null ? 0 : 1 + Base64Url.GetEncodedLength(Encoding.UTF8.GetByteCount(text));

    private static int WriteLine(
        Span<byte> line, DateTime occurredAtUtc, InquiryChannel channel, InquiryOutcome outcome, long? certificateId, string clientAddressHash, AgencyAuditFields? agency)
    {
        if (!Utf8.TryWrite(line, CultureInfo.InvariantCulture, $"{occurredAtUtc.Ticks}\t{channel}\t{outcome}\t{certificateId}\t{clientAddressHash}", out var length))
        {
            throw new InvalidOperationException("The journal line is longer than its buffer.");
        }

        if (agency is not null)
        {
            if (!Utf8.TryWrite(line[length..], CultureInfo.InvariantCulture, $"\t{agency.AgencyClientId}\t{agency.Purpose}\t", out var written))
            {
                throw new InvalidOperationException("The journal line is longer than its buffer.");
            }

            length += written;
            length += WriteEncoded(line[length..], agency.CaseReference);
            line[length++] = (byte)'\t';
            length += WriteEncoded(line[length..], agency.OfficerId);
            if (!Utf8.TryWrite(line[length..], CultureInfo.InvariantCulture, $"\t{agency.NationalCodeHash}\t{agency.InquiryId}\t{agency.SignedAnswer}\t{(agency.Confidential ? "1" : "")}", out written))
            {
                throw new InvalidOperationException("The journal line is longer than its buffer.");
            }

            length += written;
        }

        line[length++] = (byte)'\n';
        return length;
    }

    private static int WriteEncoded(Span<byte> destination, string? text)
    {
        if (text is null)
        {
            return 0;
        }

        destination[0] = (byte)'~';
        var utf8 = Encoding.UTF8.GetBytes(text);
        return 1 + Base64Url.EncodeToUtf8(utf8, destination[1..]);
    }

    private static AgencyAuditFields? ReadAgencyFields(string[] fields)
    {
        int? agencyId = null;
        if (fields[5].Length > 0)
        {
            if (!int.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            agencyId = id;
        }

        if ((fields[6].Length > 0 && !Enum.TryParse<InquiryPurpose>(fields[6], out _))
            || (fields.Length == 13 && fields[12] is not ("" or "1"))
            || Decode(fields[7], out var caseReference) is false
            || Decode(fields[8], out var officerId) is false)
        {
            return null;
        }

        return new AgencyAuditFields(
            agencyId,
            fields[6].Length == 0 ? null : Enum.Parse<InquiryPurpose>(fields[6]),
            caseReference,
            officerId,
            Empty(fields[9]),
            Empty(fields[10]),
            Empty(fields[11]),
            Confidential: fields.Length == 13 && fields[12] == "1");
    }

    private static bool Decode(string field, out string? text)
    {
        text = null;
        if (field.Length == 0)
        {
            return true;
        }

        if (field[0] != '~')
        {
            return false;
        }

        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(field.AsSpan(1)));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Empty(string field) => field.Length == 0 ? null : field;

    private string? CloseSegment()
    {
        if (segment is null)
        {
            return null;
        }

        segment.Dispose();
        segment = null;
        var closed = segmentPath;
        segmentPath = null;
        return closed;
    }
}

/// <summary>One inquiry as the journal holds it: the client address already hashed.</summary>
public readonly record struct JournalEntry(
    DateTime OccurredAtUtc, InquiryChannel Channel, InquiryOutcome Outcome, long? CertificateId, string ClientAddressHash, AgencyAuditFields? Agency = null);
