using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertificateInquiry.IntegrationTests.Data;

/// <summary>What the providers must agree on although their types and locking differ (ADR-036).</summary>
public class ProviderSemanticsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task An_instant_built_without_a_kind_is_stored_as_that_UTC_moment_and_a_visit_keeps_its_wall_clock()
    {
        // Code and old rows hand over DateTimes whose Kind is Unspecified; PostgreSQL's driver refuses those for an instant.
        var unspecified = new DateTime(2026, 3, 20, 23, 45, 6, DateTimeKind.Unspecified);
        var visit = new DateTime(2026, 4, 1, 9, 30, 0, DateTimeKind.Unspecified);
        await portal.WithDatabaseAsync(async db =>
        {
            db.FeeTariffs.Add(new FeeTariff { JalaliYear = 1498, AmountRials = 1, UpdatedAtUtc = unspecified });
            return await db.SaveChangesAsync();
        });
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.AwaitingVisit, visitAtLocal: visit);

        // Read through a session whose time zone is Iran's: a stored instant must not move with the session.
        await using var db = OpenInTehranTime();
        var stored = await db.FeeTariffs.AsNoTracking().Where(t => t.JalaliYear == 1498).Select(t => t.UpdatedAtUtc).SingleAsync();
        Assert.Equal(unspecified.Ticks, stored.Ticks);
        Assert.NotEqual(DateTimeKind.Local, stored.Kind);
        var visitAt = await db.Requests.AsNoTracking().Where(r => r.Id == request.Id).Select(r => r.VisitAtLocal).SingleAsync();
        Assert.Equal(visit, visitAt);

        // And a query that compares with an instant of unspecified kind finds it, as it does on SQLite.
        Assert.True(await db.FeeTariffs.AnyAsync(t => t.UpdatedAtUtc == unspecified));
    }

    [SkippableFact]
    public async Task Managers_numbering_the_first_letters_of_a_year_at_once_in_their_own_transactions_get_different_numbers()
    {
        Skip.If(portal.Provider == DatabaseProvider.Sqlite, "SQLite lets one writer at a time in: there is no race to settle.");

        _ = portal.Server; // started once, before the claimants run in parallel

        // A province and year with no counter yet: every claimant tries to create it.
        const int Claimants = 6;
        var issuedAt = new DateTime(2031, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        using var start = new Barrier(Claimants);
        var numbers = await Task.WhenAll(Enumerable.Range(0, Claimants).Select(_ => Task.Run(() => portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                var claimed = await services.GetRequiredService<AnswerLetters>().ClaimNumberAsync(2, issuedAt, CancellationToken.None);
                await transaction.CommitAsync();
                return claimed.Sequence;
            });
        }))));

        var next = await portal.WithDatabaseAsync(db => db.LetterSequences.AsNoTracking()
            .Where(s => s.ProvinceId == 2 && s.JalaliYear == 1410).Select(s => s.Next).SingleAsync());
        Assert.Equal(Enumerable.Range(1, Claimants), numbers.Order());
        Assert.Equal(Claimants + 1, next);
    }

    private AppDbContext OpenInTehranTime()
    {
        if (portal.Provider != DatabaseProvider.PostgreSql)
        {
            return portal.OpenDatabase();
        }

        var connection = new NpgsqlConnectionStringBuilder(portal.ConnectionString) { Timezone = "Asia/Tehran" }.ConnectionString;
        return new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(connection).Options);
    }

    [SkippableFact]
    public async Task On_postgresql_a_query_the_portal_repeats_is_planned_once_per_connection()
    {
        Skip.If(portal.Provider == DatabaseProvider.Sqlite, "Preparing repeated statements is Npgsql's automatic preparation; SQLite's lookups prepare their own.");

        var prepared = await portal.WithDatabaseAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(); // one connection for the whole scope, as one request has
            for (var i = 0; i < PostgreSqlConnectionStrings.AutoPrepareMinUsages + 1; i++)
            {
                await db.FeeTariffs.AsNoTracking().AnyAsync(t => t.JalaliYear == 1400 + i);
            }

            return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FeeTariffs%'").SingleAsync();
        });

        Assert.Equal(1, prepared);
    }

    public sealed class PostgreSql(PostgreSqlPortalFactory portal)
        : ProviderSemanticsTests(PostgreSqlVariant.Of<PortalFactory>(portal)), IClassFixture<PostgreSqlPortalFactory>;
}
