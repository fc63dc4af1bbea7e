using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// Records inquiries without slowing them: <see cref="Record"/> only queues the entry, with the client's address in
/// memory; <see cref="InquiryAuditWriter"/> hashes the addresses and writes the queue in batches off the request path,
/// and empties it on a clean shutdown. Only the keyed hash is ever stored.
/// </summary>
public sealed class InquiryAudit
{
    public const int ClientAddressHashLength = 32;

    private readonly Channel<PendingInquiry> queue = Channel.CreateBounded<PendingInquiry>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly byte[] addressKey;
    private readonly TimeProvider clock;
    private readonly ILogger<InquiryAudit> logger;

    public InquiryAudit(IConfiguration configuration, TimeProvider clock, ILogger<InquiryAudit> logger)
    {
        this.clock = clock;
        this.logger = logger;
        var key = configuration["Audit:ClientAddressKey"];
        if (string.IsNullOrEmpty(key))
        {
            // Hashes then differ between servers and restarts: fine on a developer's machine, wrong in production.
            logger.LogWarning("Audit:ClientAddressKey is not set; client addresses are hashed with a key that lives only in this process");
            addressKey = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            addressKey = Encoding.UTF8.GetBytes(key);
        }
    }

    internal ChannelReader<PendingInquiry> Pending => queue.Reader;

    /// <summary>Queues one inquiry. Never throws into the request: losing the response would be worse than the entry.</summary>
    public void Record(HttpContext context, InquiryChannel channel, InquiryOutcome outcome, long? certificateId = null)
    {
        var entry = new PendingInquiry(clock.GetUtcNow().UtcDateTime, channel, outcome, certificateId, context.Connection.RemoteIpAddress);
        if (!queue.Writer.TryWrite(entry))
        {
            logger.LogError("Inquiry audit queue is full or closed; an entry for {Channel} was not recorded", channel);
        }
    }

    /// <summary>A keyed hash (HMAC-SHA-256, 128 bits in hex) of the client's address: the same client gives the same hash on every server.</summary>
    public string HashClientAddress(HttpContext context) => HashClientAddress(context.Connection.RemoteIpAddress);

    internal string HashClientAddress(IPAddress? address)
    {
        var hash = HMACSHA256.HashData(addressKey, Encoding.ASCII.GetBytes(address?.MapToIPv6().ToString() ?? "unknown"));
        return Convert.ToHexStringLower(hash, 0, ClientAddressHashLength / 2);
    }

    internal void Complete() => queue.Writer.TryComplete();
}

/// <summary>An inquiry waiting in memory to be written; the address never leaves the process unhashed.</summary>
internal readonly record struct PendingInquiry(
    DateTime OccurredAtUtc, InquiryChannel Channel, InquiryOutcome Outcome, long? CertificateId, IPAddress? ClientAddress);
