using System.Collections.Concurrent;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Each agency's daily row quota (Iran days), counted in the database so that every server shares it. A server does not
/// write for every inquiry: it reserves rows in blocks (<see cref="BlockSize"/>) with one conditional update that no two
/// servers can both win, and hands them out from memory. A block doubles while the agency spends each within a second
/// (up to <see cref="MaxBlockSize"/>), so that a busy agency costs a database write every second or so rather than
/// every hundred inquiries, and returns to its first size after a quiet spell. When less than a block is left the next
/// is reserved in the background, so that inquiries do not wait for the database, whose write lock the audit writer
/// holds for up to half a second every second: with half a block of slack (0.7 s at 7,000 inquiries a second) the
/// reservation sometimes came too late, and every inquiry of the agency waited 40 to 110 ms (bench/README.md). Rows a server reserved but did not use before the day ends are lost to the
/// agency: at most two blocks per server per day (ADR-026).
/// </summary>
public sealed class AgencyQuota(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgencyQuota> logger)
{
    private readonly ConcurrentDictionary<int, Allowance> allowances = new();

    /// <summary>Rows reserved at first: a fiftieth of the quota, between 1 and 100.</summary>
    public static int BlockSize(int dailyQuota) => Math.Clamp(dailyQuota / 50, 1, 100);

    /// <summary>The largest block a busy agency grows to: a fiftieth of the quota, at most 10,000 rows.</summary>
    public static int MaxBlockSize(int dailyQuota) => Math.Clamp(dailyQuota / 50, 1, 10_000);

    /// <summary>Blocks spent faster than this make the next one twice as large.</summary>
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);

    /// <summary>After this long without a refill the next block is of the first size again.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    /// <summary>Takes <paramref name="rows"/> of today's quota; false (nothing taken) when fewer are left.</summary>
    public async Task<bool> TryTakeAsync(AgencyStanding agency, int rows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var today = IranTime.Today(clock);
        var allowance = allowances.GetOrAdd(agency.Id, _ => new Allowance());
        if (allowance.TryTake(today, rows))
        {
            if (allowance.ShouldPrefetch(today))
            {
                _ = Task.Run(() => PrefetchAsync(agency, allowance, today), CancellationToken.None);
            }

            return true;
        }

        await allowance.Refill.WaitAsync(cancellationToken);
        try
        {
            if (allowance.TryTake(today, rows))
            {
                return true;
            }

            var block = allowance.NextBlock(agency.DailyRowQuota, clock.GetUtcNow());
            var wanted = rows - allowance.LeftOn(today) + (rows == 1 ? block - 1 : 0);
            var reserved = await ReserveAsync(agency, today, wanted, cancellationToken);
            allowance.Add(today, reserved);
            return allowance.TryTake(today, rows);
        }
        finally
        {
            allowance.Refill.Release();
        }
    }

    /// <summary>Reserves the next block before this one is spent; never throws (a failure leaves it to the next inquiry).</summary>
    private async Task PrefetchAsync(AgencyStanding agency, Allowance allowance, DateOnly today)
    {
        try
        {
            if (!await allowance.Refill.WaitAsync(0))
            {
                return; // an inquiry is refilling already
            }

            try
            {
                var block = allowance.NextBlock(agency.DailyRowQuota, clock.GetUtcNow());
                var reserved = await ReserveAsync(agency, today, block, CancellationToken.None);
                allowance.Add(today, reserved);
            }
            finally
            {
                allowance.Refill.Release();
            }
        }
        catch (Exception exception)
        {
            logger.QuotaPrefetchFailed(exception, agency.Id);
        }
        finally
        {
            allowance.PrefetchDone();
        }
    }

    /// <summary>Seconds until the next Iran day, when the quota starts again: the Retry-After of a refusal.</summary>
    public int SecondsUntilTomorrow()
    {
        var tomorrow = IranTime.StartOfDayUtc(IranTime.Today(clock).AddDays(1));
        return (int)Math.Ceiling((tomorrow - clock.GetUtcNow().UtcDateTime).TotalSeconds);
    }

    /// <summary>Reserves up to <paramref name="wanted"/> rows of the agency's day in the database; returns how many it got.</summary>
    private async Task<int> ReserveAsync(AgencyStanding agency, DateOnly day, int wanted, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The whole block, else whatever is left of the quota (another server may take it in between); the day's row is
        // made by the first reservation of the day on any server, which then tries again.
        for (var attempt = 0; attempt < 3 && wanted > 0; attempt++)
        {
            var take = wanted;
            var updated = await db.AgencyDailyUsage
                .Where(u => u.AgencyClientId == agency.Id && u.Day == day && u.Rows + take <= agency.DailyRowQuota)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Rows, u => u.Rows + take), cancellationToken);
            if (updated == 1)
            {
                return take;
            }

            var used = await db.AgencyDailyUsage.Where(u => u.AgencyClientId == agency.Id && u.Day == day).Select(u => (int?)u.Rows).SingleOrDefaultAsync(cancellationToken);
            if (used is null)
            {
                await AddDayAsync(db, agency.Id, day, cancellationToken);
                continue;
            }

            wanted = Math.Min(wanted, agency.DailyRowQuota - used.Value);
        }

        return 0;
    }

    private static async Task AddDayAsync(AppDbContext db, int agencyId, DateOnly day, CancellationToken cancellationToken)
    {
        db.AgencyDailyUsage.Add(new AgencyDailyUsage { AgencyClientId = agencyId, Day = day });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // another server made the day's row first
        }

        db.ChangeTracker.Clear();
    }

    private sealed class Allowance
    {
        private readonly Lock gate = new();
        private DateOnly day;
        private int left;
        private int block;
        private DateTimeOffset lastRefill;
        private bool prefetching;

        public SemaphoreSlim Refill { get; } = new(1, 1);

        /// <summary>The size of the block to reserve now (called under <see cref="Refill"/>, once per refill).</summary>
        public int NextBlock(int dailyQuota, DateTimeOffset now)
        {
            lock (gate)
            {
                var since = now - lastRefill;
                block = block == 0 || since >= Quiet ? BlockSize(dailyQuota)
                    : since < Busy ? Math.Min(block * 2, MaxBlockSize(dailyQuota))
                    : Math.Min(block, MaxBlockSize(dailyQuota));
                lastRefill = now;
                return Math.Max(block, 1);
            }
        }

        /// <summary>True once when less than a block is left and no background reservation is under way.</summary>
        public bool ShouldPrefetch(DateOnly today)
        {
            lock (gate)
            {
                if (prefetching || day != today || left >= block || block == 0)
                {
                    return false;
                }

                prefetching = true;
                return true;
            }
        }

        public void PrefetchDone()
        {
            lock (gate)
            {
                prefetching = false;
            }
        }

        public int LeftOn(DateOnly today)
        {
            lock (gate)
            {
                return day == today ? left : 0;
            }
        }

        public bool TryTake(DateOnly today, int rows)
        {
            lock (gate)
            {
                if (day != today || left < rows)
                {
                    return false;
                }

                left -= rows;
                return true;
            }
        }

        public void Add(DateOnly today, int rows)
        {
            lock (gate)
            {
                if (day != today)
                {
                    day = today;
                    left = 0;
                }

                left += rows;
            }
        }
    }
}
