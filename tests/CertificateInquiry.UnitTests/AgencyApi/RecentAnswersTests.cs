using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.AgencyApi;

/// <summary>
/// The answers a server holds (outside the managed heap) until the audit writer reports them stored: each comes back
/// byte for byte to its own agency only, from many threads at once, and is let go once stored.
/// </summary>
public sealed class RecentAnswersTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("recent-answers-").FullName;
    private readonly InquiryAudit audit;

    public RecentAnswersTests() => audit = new InquiryAudit(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audit:ClientAddressKey"] = "test key",
            ["Audit:JournalFolder"] = Path.Combine(folder, "journal"),
        }).Build(),
        Options.Create(new DatabaseOptions()),
        new HostingEnvironment { ContentRootPath = folder },
        TimeProvider.System,
        NullLogger<InquiryAudit>.Instance);

    public void Dispose()
    {
        audit.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Each_answer_comes_back_whole_to_its_agency_only_until_the_writer_reports_it_stored()
    {
        // The scope factory is never reached: every id asked for is held in memory or refused before the database.
        using var recent = new RecentAnswers(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), audit);
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var answers = Enumerable.Range(0, 2_000)
            .Select(i => new StoredAnswer(i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), i % 3, at.AddSeconds(i), $"eyJhbGciOiJFUzI1NiJ9.{new string('p', i % 1500)}.sig{i}"))
            .ToList();

        await Task.WhenAll(answers.Chunk(100).Select(chunk => Task.Run(() =>
        {
            foreach (var answer in chunk)
            {
                recent.Remember(answer);
            }
        })));

        Assert.Equal(answers.Count, recent.PendingCount);
        foreach (var answer in answers.Where((_, i) => i % 37 == 0))
        {
            Assert.Equal(answer, await recent.FindAsync(answer.InquiryId, answer.AgencyClientId, CancellationToken.None));
            Assert.Null(await recent.FindAsync(answer.InquiryId, answer.AgencyClientId + 1, CancellationToken.None));
        }

        audit.OnAnswersStored([.. answers.Take(1_500).Select(a => a.InquiryId)]);

        Assert.Equal(500, recent.PendingCount);
        var kept = answers[^1];
        Assert.Equal(kept, await recent.FindAsync(kept.InquiryId, kept.AgencyClientId, CancellationToken.None));
    }
}
