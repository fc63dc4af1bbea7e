using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// Records inquiries without slowing them: <see cref="Record"/> appends the entry, with the client's address already
/// hashed, to the local write-ahead file (<see cref="InquiryJournal"/>: one write to the operating system, no database
/// work), so an answered inquiry survives a killed process; <see cref="InquiryAuditWriter"/> moves the file's entries
/// into the database in batches off the request path (ADR-018). Only the keyed hash is ever stored.
/// </summary>
public sealed class InquiryAudit : IDisposable
{
    public const int ClientAddressHashLength = 32;

    // Hashes of recent client addresses: a client usually makes several inquiries in a row. Emptied when full.
    private const int HashCacheSize = 10_000;
    private readonly ConcurrentDictionary<IPAddress, string> hashes = new();

    private static readonly byte[] NationalCodePrefix = "national-code:"u8.ToArray();

    private readonly byte[] addressKey;
    private readonly ThreadLocal<IncrementalHash> nationalCodeHmac;
    private readonly TimeProvider clock;
    private readonly ILogger<InquiryAudit> logger;

    public InquiryAudit(
        IConfiguration configuration, IOptions<DatabaseOptions> database, IHostEnvironment environment, TimeProvider clock, ILogger<InquiryAudit> logger)
    {
        this.clock = clock;
        this.logger = logger;
        var key = configuration["Audit:ClientAddressKey"];
        if (string.IsNullOrEmpty(key))
        {
            // Hashes then differ between servers and restarts: fine on a developer's machine, wrong in production.
            logger.ClientAddressKeyMissing();
            addressKey = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            addressKey = Encoding.UTF8.GetBytes(key);
        }

        nationalCodeHmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, addressKey), trackAllValues: true);
        Journal = new InquiryJournal(JournalFolder(configuration, database.Value, environment.ContentRootPath));
    }

    internal InquiryJournal Journal { get; }

    /// <summary>
    /// Raised by the writer after a commit, with the inquiry ids of the agency answers it stored: from then on they
    /// are in the database, and a server's memory of them (RecentAnswers) can let them go.
    /// </summary>
    public event Action<IReadOnlyList<string>>? AnswersStored;

    internal void OnAnswersStored(IReadOnlyList<string> inquiryIds)
    {
        if (inquiryIds.Count > 0)
        {
            AnswersStored?.Invoke(inquiryIds);
        }
    }

    /// <summary><c>Audit:JournalFolder</c>, or <c>audit-journal</c> inside the data folder, made absolute from the content root.</summary>
    public static string JournalFolder(IConfiguration configuration, DatabaseOptions database, string contentRoot)
    {
        var configured = configuration["Audit:JournalFolder"];
        return Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(configured) ? Path.Combine(database.DataFolder, "audit-journal") : configured));
    }

    /// <summary>
    /// Appends one inquiry to the journal before the answer is sent. Never throws into the request: losing the
    /// response would be worse than the entry.
    /// </summary>
    public void Record(HttpContext context, InquiryChannel channel, InquiryOutcome outcome, long? certificateId = null) =>
        RecordAgency(context, channel, outcome, certificateId, agency: null);

    /// <summary>Appends one agency inquiry, with the agency's fields (see <see cref="AgencyAuditFields"/>).</summary>
    public void RecordAgency(HttpContext context, InquiryChannel channel, InquiryOutcome outcome, long? certificateId, AgencyAuditFields? agency)
    {
        try
        {
            if (!Journal.Append(clock.GetUtcNow().UtcDateTime, channel, outcome, certificateId, HashClientAddress(context.Connection.RemoteIpAddress), agency))
            {
                logger.AuditClosed(channel);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.JournalWriteFailed(exception, channel);
        }
    }

    /// <summary>A keyed hash (HMAC-SHA-256, 128 bits in hex) of the client's address: the same client gives the same hash on every server.</summary>
    public string HashClientAddress(HttpContext context) => HashClientAddress(context.Connection.RemoteIpAddress);

    internal string HashClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return Hash(null);
        }

        if (hashes.TryGetValue(address, out var hash))
        {
            return hash;
        }

        if (hashes.Count >= HashCacheSize)
        {
            hashes.Clear();
        }

        hash = Hash(address);
        hashes.TryAdd(address, hash);
        return hash;
    }

    /// <summary>
    /// A keyed hash of a national code (HMAC-SHA-256 with the audit's key, 128 bits in hex): national admins find who
    /// asked about a person by hashing the code they search for, and the audit never holds the code itself.
    /// </summary>
    public string HashNationalCode(string nationalCode)
    {
        // One HMAC per thread, reset after each use: a one-shot HMAC sets up OpenSSL's context each time, which cost
        // a few microseconds of every agency inquiry (bench/README.md).
        var hmac = nationalCodeHmac.Value!;
        Span<byte> hash = stackalloc byte[32];
        hmac.AppendData(NationalCodePrefix);
        Span<byte> code = nationalCode.Length <= 64 ? stackalloc byte[64] : new byte[nationalCode.Length];
        hmac.AppendData(code[..Encoding.ASCII.GetBytes(nationalCode, code)]);
        hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash[..(ClientAddressHashLength / 2)]);
    }

    public void Dispose()
    {
        Journal.Dispose();
        foreach (var hmac in nationalCodeHmac.Values)
        {
            hmac.Dispose();
        }

        nationalCodeHmac.Dispose();
    }

    /// <summary>
    /// A keyed hash of one of the sign-in throttle's keys (a client address, or the e-mail typed), the same on every
    /// server: its Redis keys name neither.
    /// </summary>
    public string HashSignInKey(string throttleKey)
    {
        var hash = HMACSHA256.HashData(addressKey, Encoding.UTF8.GetBytes("sign-in:" + throttleKey));
        return Convert.ToHexStringLower(hash, 0, ClientAddressHashLength / 2);
    }

    private string Hash(IPAddress? address)
    {
        var hash = HMACSHA256.HashData(addressKey, Encoding.ASCII.GetBytes(address?.MapToIPv6().ToString() ?? "unknown"));
        return Convert.ToHexStringLower(hash, 0, ClientAddressHashLength / 2);
    }
}
