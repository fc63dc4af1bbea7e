using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AnswerVerification;

/// <summary>
/// Without configured keys (Development, tests) the portal generates one key and keeps it, encrypted, beside its
/// database: answers signed before a restart, or by another host on the same database, still verify.
/// </summary>
public sealed class DevelopmentKeyTests
{
    [Fact]
    public void An_answer_signed_before_a_restart_still_verifies_after_it()
    {
        string folder;
        string jws;
        using (var first = new DevelopmentPortal(null, keepFolder: true))
        {
            folder = first.Folder;
            jws = first.Services.GetRequiredService<AnswerSigner>().Sign("{\"answer\":\"پیش از راه‌اندازی دوباره\"}");
        }

        try
        {
            using var second = new DevelopmentPortal(folder, keepFolder: false);
            var check = second.Services.GetRequiredService<AnswerSigner>().Check(jws);

            Assert.Equal(SignedAnswerOutcome.Genuine, check.Outcome);
            Assert.Equal("{\"answer\":\"پیش از راه‌اندازی دوباره\"}", check.Payload);
            var stored = File.ReadAllText(Path.Combine(folder, DevelopmentSigningKey.FileName));
            Assert.DoesNotContain("PRIVATE KEY", stored, StringComparison.Ordinal); // encrypted with Data Protection
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_hosts_starting_together_on_one_database_sign_with_the_same_key()
    {
        using var first = new DevelopmentPortal(null, keepFolder: false);
        _ = first.Server; // migrated and its Data Protection keys in place
        using var second = new DevelopmentPortal(first.Folder, keepFolder: false);
        _ = second.Server;

        var signers = await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<AnswerSigner>()),
            Task.Run(() => second.Services.GetRequiredService<AnswerSigner>()));

        Assert.Equal(signers[0].CurrentKeyId, signers[1].CurrentKeyId);
        Assert.True(signers[1].Check(signers[0].Sign("{}")).IsGenuine);
    }

    /// <summary>
    /// The portal in Development; with <c>shared</c>, on the database and data folder of an earlier one (its own
    /// folder then goes unused).
    /// </summary>
    private sealed class DevelopmentPortal(string? shared, bool keepFolder) : PortalFactory
    {
        protected override bool DeleteFolderOnDispose => !keepFolder;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            if (shared is not null)
            {
                builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(shared, "portal.db")};Pooling=False");
                builder.UseSetting("Database:DataFolder", shared);
            }
        }
    }
}
