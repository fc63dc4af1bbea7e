using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Issuing answer letters against the real database: numbers per province and Jalali year, concurrent issuers, what a
/// transaction does to the counter, and what the letter copies. Each test numbers in a Jalali year of its own (by its
/// clock), so the numbers it expects are exact.
/// </summary>
public sealed class AnswerLetterIssueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Noon in Tehran on a day of <paramref name="jalaliYear"/>.</summary>
    private static ManualClock ClockIn(int jalaliYear, int month = 6, int day = 1) =>
        new(new DateTimeOffset(JalaliDate.Create(jalaliYear, month, day).ToDateTime(new TimeOnly(8, 30)), TimeSpan.Zero));

    [Fact]
    public async Task Letters_are_numbered_from_one_per_province_as_province_year_and_sequence()
    {
        var clock = ClockIn(1412);
        var tehran = await AnswerLetterSeeds.ProvinceIdAsync(portal, "تهران");
        var isfahan = await AnswerLetterSeeds.ProvinceIdAsync(portal, "اصفهان");

        var firstTehran = await AnswerLetterSeeds.IssueAsync(portal, (await AnswerLetterSeeds.AnsweredAsync(portal)).Id, clock);
        var secondTehran = await AnswerLetterSeeds.IssueAsync(portal, (await AnswerLetterSeeds.AnsweredAsync(portal, AnswerOutcome.NotFound)).Id, clock);
        var firstIsfahan = await AnswerLetterSeeds.IssueAsync(portal, (await AnswerLetterSeeds.AnsweredAsync(portal, AnswerOutcome.Rejected, "اصفهان")).Id, clock);

        Assert.Equal((tehran, 1412, 1), (firstTehran.ProvinceId, firstTehran.JalaliYear, firstTehran.Sequence));
        Assert.Equal("08/1412/00001", firstTehran.LetterNumber);
        Assert.Equal(8, tehran); // the province's fixed number is the one in the letter number
        Assert.Equal("08/1412/00002", secondTehran.LetterNumber);
        Assert.Equal((isfahan, 1412, 1), (firstIsfahan.ProvinceId, firstIsfahan.JalaliYear, firstIsfahan.Sequence));
        Assert.Equal("04/1412/00001", firstIsfahan.LetterNumber);
    }

    [Fact]
    public async Task Numbering_starts_again_with_the_jalali_year_in_iran_time()
    {
        var lastDay = JalaliDate.Create(1410, 12, 29);
        // 20:00 UTC on the last day of 1410 is already 1411 in Tehran (+03:30).
        var newYearsNight = new ManualClock(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(20, 45)), TimeSpan.Zero));

        var late1410 = await AnswerLetterSeeds.IssueAsync(portal, (await AnswerLetterSeeds.AnsweredAsync(portal)).Id, ClockIn(1410, 12, 29));
        var another1410 = await AnswerLetterSeeds.IssueAsync(portal, (await AnswerLetterSeeds.AnsweredAsync(portal)).Id, ClockIn(1410, 12, 29));
        var first1411 = await AnswerLetterSeeds.IssueAsync(portal, (await AnswerLetterSeeds.AnsweredAsync(portal)).Id, newYearsNight);

        Assert.Equal("08/1410/00001", late1410.LetterNumber);
        Assert.Equal("08/1410/00002", another1410.LetterNumber);
        Assert.Equal("08/1411/00001", first1411.LetterNumber);
    }

    [Fact]
    public async Task Letters_issued_at_the_same_moment_get_different_numbers()
    {
        const int Issuers = 8;
        var clock = ClockIn(1413);
        var requests = new List<long>();
        for (var i = 0; i < Issuers; i++)
        {
            requests.Add((await AnswerLetterSeeds.AnsweredAsync(portal, AnswerOutcome.NotFound)).Id);
        }

        // Every issuer loads its request, then all claim a number together, each in its own scope and connection, as
        // several managers approving at once would.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var issuing = requests.Select(id => Task.Run(() => portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var request = await db.Requests.SingleAsync(r => r.Id == id);
            await start.Task;
            var letter = await AnswerLetterSeeds.Letters(services, clock).IssueAsync(request, AnswerLetterSeeds.Manager(request.ProvinceId), CancellationToken.None);
            await db.SaveChangesAsync();
            return AnswerLetterSeeds.Describe(letter);
        }))).ToList();
        start.SetResult();
        var issued = await Task.WhenAll(issuing);

        Assert.Equal(Enumerable.Range(1, Issuers), issued.Select(l => l.Sequence).Order());
        Assert.Equal(Issuers, issued.Select(l => l.LetterNumber).Distinct().Count());
        var saved = await portal.WithDatabaseAsync(db => db.AnswerLetters.Where(l => l.JalaliYear == 1413).CountAsync());
        Assert.Equal(Issuers, saved);
        var next = await portal.WithDatabaseAsync(db => db.LetterSequences.Where(s => s.JalaliYear == 1413).Select(s => s.Next).SingleAsync());
        Assert.Equal(Issuers + 1, next);
    }

    [Fact]
    public async Task In_the_callers_transaction_a_rollback_returns_the_number()
    {
        var clock = ClockIn(1414);
        var first = await AnswerLetterSeeds.AnsweredAsync(portal);
        var second = await AnswerLetterSeeds.AnsweredAsync(portal);

        var rolledBack = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var request = await db.Requests.SingleAsync(r => r.Id == first.Id);
            var letter = await AnswerLetterSeeds.Letters(services, clock).IssueAsync(request, AnswerLetterSeeds.Manager(request.ProvinceId), CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return letter.Sequence;
        });
        var kept = await AnswerLetterSeeds.IssueAsync(portal, second.Id, clock);

        Assert.Equal(1, rolledBack);
        Assert.Equal(1, kept.Sequence);
        Assert.False(await portal.WithDatabaseAsync(db => db.AnswerLetters.AnyAsync(l => l.RequestId == first.Id)));
    }

    [Fact]
    public async Task Without_a_transaction_a_letter_that_is_never_saved_leaves_a_gap()
    {
        var clock = ClockIn(1415);
        var abandoned = await AnswerLetterSeeds.AnsweredAsync(portal);
        var next = await AnswerLetterSeeds.AnsweredAsync(portal);

        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var request = await db.Requests.SingleAsync(r => r.Id == abandoned.Id);
            return await AnswerLetterSeeds.Letters(services, clock).IssueAsync(request, AnswerLetterSeeds.Manager(request.ProvinceId), CancellationToken.None);
        });
        var issued = await AnswerLetterSeeds.IssueAsync(portal, next.Id, clock);

        Assert.Equal(2, issued.Sequence); // unique and increasing, not contiguous (see AnswerLetters.IssueAsync)
        Assert.False(await portal.WithDatabaseAsync(db => db.AnswerLetters.AnyAsync(l => l.RequestId == abandoned.Id)));
    }

    [Fact]
    public async Task A_confirmed_letter_copies_the_addressee_the_certificate_and_the_signer()
    {
        var seeded = await AnswerLetterSeeds.AnsweredAsync(portal);

        var issued = await AnswerLetterSeeds.IssueAsync(portal, seeded.Id);
        var letter = await portal.WithDatabaseAsync(db => db.AnswerLetters.SingleAsync(l => l.Id == issued.Id));

        Assert.Equal(seeded.TrackingCode, letter.TrackingCode);
        Assert.Equal("رضا کاظمی", letter.ApplicantName);
        Assert.Equal(RequesterKind.Holder, letter.RequesterKind);
        Assert.Equal("جوشکاری برق درجه 2", letter.RequestedTrade);
        Assert.Equal(1386, letter.RequestedExamYear);
        Assert.Equal(AnswerOutcome.Confirmed, letter.Outcome);
        Assert.Equal(seeded.CertificateNumber, letter.CertificateNumber);
        Assert.Equal("رضا کاظمی", letter.HolderName);
        Assert.Equal("حسین", letter.HolderFatherName);
        Assert.Equal("7212-33-001-1", letter.StandardCode);
        Assert.Equal(new DateOnly(2007, 6, 1), letter.ExamDate);
        Assert.Equal("اداره کل آموزش فنی و حرفه‌ای استان تهران", letter.TrainingCenter); // never the centre (ADR-017)
        Assert.Equal(AnswerLetterSeeds.SignerName, letter.SignerName);
        Assert.Equal(AnswerLetterSeeds.SignerTitle, letter.SignerTitle);
        Assert.True(Web.Domain.VerificationCode.IsWellFormed(letter.VerificationCode));
    }

    [Fact]
    public async Task A_request_not_yet_answered_a_second_letter_and_another_provinces_signer_are_refused()
    {
        var underReview = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);
        var answered = await AnswerLetterSeeds.AnsweredAsync(portal, AnswerOutcome.NotFound);
        await AnswerLetterSeeds.IssueAsync(portal, answered.Id);
        var other = await AnswerLetterSeeds.AnsweredAsync(portal, AnswerOutcome.NotFound);
        var isfahan = await AnswerLetterSeeds.ProvinceIdAsync(portal, "اصفهان");

        await Assert.ThrowsAsync<InvalidOperationException>(() => IssueAsync(underReview.Id, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => IssueAsync(answered.Id, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => IssueAsync(other.Id, isfahan));
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.AnswerLetters.CountAsync(l => l.RequestId == answered.Id)));

        Task<AnswerLetterSeeds.Issued> IssueAsync(long requestId, int? signerProvince) => portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var request = await db.Requests.SingleAsync(r => r.Id == requestId);
            var signer = AnswerLetterSeeds.Manager(signerProvince ?? request.ProvinceId);
            return AnswerLetterSeeds.Describe(await AnswerLetterSeeds.Letters(services, null).IssueAsync(request, signer, CancellationToken.None));
        });
    }
}
