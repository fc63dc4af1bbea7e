using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Audit;

public sealed class InquiryAuditHashTests : IDisposable
{
    private const string Key = "audit key shared by every server";

    private readonly string folder = Directory.CreateTempSubdirectory("inquiry-audit-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_national_codes_hash_is_the_documented_HMAC_on_every_thread_and_every_call()
    {
        using var audit = Audit();
        string[] codes = ["0076543218", "0084575948", "0076543218", "", "۰۰۷۶۵۴۳۲۱۸"];

        var hashes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => codes.Select(audit.HashNationalCode).ToArray())));

        // What a national admin's tool computes by hand: HMAC-SHA-256 of "national-code:" + the code, first 128 bits in hex.
        var expected = codes.Select(code => Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.ASCII.GetBytes("national-code:" + code)), 0, 16)).ToArray();
        Assert.All(hashes, perThread => Assert.Equal(expected, perThread));
        Assert.Equal(hashes[0][0], hashes[0][2]);
        Assert.NotEqual(hashes[0][0], hashes[0][1]);
    }

    private InquiryAudit Audit() => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audit:ClientAddressKey"] = Key,
            ["Audit:JournalFolder"] = Path.Combine(folder, "journal"),
        }).Build(),
        Options.Create(new DatabaseOptions()),
        new HostingEnvironment { ContentRootPath = folder },
        TimeProvider.System,
        NullLogger<InquiryAudit>.Instance);
}
