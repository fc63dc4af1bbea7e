using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.Tariffs;

/// <summary>One year's tariff as the list shows it.</summary>
public sealed record FeeTariffRow(int JalaliYear, long AmountRials, DateTime UpdatedAtUtc);

/// <summary>What a change to a tariff came to: done, nothing to do, or refused with a reason.</summary>
public enum TariffChangeOutcome
{
    Changed,
    Unchanged,
    ChangedMeanwhile,
    NotFound,
}

/// <summary>
/// The inquiry fee of each Jalali year (<see cref="FeeTariff"/>), which <c>FeeSchedule</c> charges from the next payment
/// on. A change is a conditional UPDATE on the amount the admin saw, so two admins cannot overwrite each other
/// unknowingly, and is written with its audit entry (old and new amount) in one transaction.
/// </summary>
public sealed class FeeTariffAdministration(AppDbContext db, StaffAuditTrail trail, TimeProvider clock, ILogger<FeeTariffAdministration> logger)
{
    public const string SubjectType = "FeeTariff";

    /// <summary>How many years ahead a tariff may be set.</summary>
    public const int YearsAhead = 5;

    public int CurrentYear => JalaliDate.YearOf(IranTime.Today(clock));

    public async Task<IReadOnlyList<FeeTariffRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.FeeTariffs.AsNoTracking()
            .OrderByDescending(t => t.JalaliYear)
            .Select(t => new FeeTariffRow(t.JalaliYear, t.AmountRials, t.UpdatedAtUtc))
            .ToListAsync(cancellationToken);

    public Task<FeeTariffRow?> FindAsync(int year, CancellationToken cancellationToken) =>
        db.FeeTariffs.AsNoTracking().Where(t => t.JalaliYear == year)
            .Select(t => new FeeTariffRow(t.JalaliYear, t.AmountRials, t.UpdatedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds a year's tariff; the Persian reason when the year is past, too far ahead or already has one.</summary>
    public async Task<string?> AddAsync(int year, long amountRials, CancellationToken cancellationToken)
    {
        var current = CurrentYear;
        if (year < current)
        {
            return "تعرفه سال‌های گذشته را نمی‌توان افزود؛ هزینه هر درخواست با تعرفه سال پرداخت آن گرفته شده است.";
        }

        if (year > current + YearsAhead)
        {
            return $"تعرفه را تا {PersianText.ToPersianDigits(YearsAhead)} سال آینده (سال {PersianText.ToPersianDigits(current + YearsAhead)}) می‌توان افزود.";
        }

        var exists = ExistsMessage(year);
        if (await db.FeeTariffs.AnyAsync(t => t.JalaliYear == year, cancellationToken))
        {
            return exists;
        }

        db.FeeTariffs.Add(new FeeTariff { JalaliYear = year, AmountRials = amountRials, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime });
        trail.Record("tariff.create", SubjectType, Year(year), toStatus: Amount(amountRials),
            details: $"تعرفه سال {PersianText.ToPersianDigits(year)}: {Rials.Format(amountRials)}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await YearExistsNowAsync(year))
            {
                return exists; // another admin added the same year a moment ago
            }

            throw;
        }

        logger.LogInformation("Fee tariff of {JalaliYear} added: {AmountRials} rials", year, amountRials);
        return null;
    }

    /// <summary>Sets a year's amount if it is still <paramref name="originalAmount"/>, the amount the admin was shown.</summary>
    public async Task<TariffChangeOutcome> ChangeAsync(int year, long originalAmount, long amountRials, CancellationToken cancellationToken)
    {
        if (amountRials == originalAmount)
        {
            return await db.FeeTariffs.AnyAsync(t => t.JalaliYear == year && t.AmountRials == originalAmount, cancellationToken)
                ? TariffChangeOutcome.Unchanged
                : await ConflictOrMissingAsync(year, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var updated = await db.FeeTariffs
                .Where(t => t.JalaliYear == year && t.AmountRials == originalAmount)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.AmountRials, amountRials)
                    .SetProperty(t => t.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), cancellation);
            if (updated == 0)
            {
                return await ConflictOrMissingAsync(year, cancellation);
            }

            trail.Record("tariff.update", SubjectType, Year(year), fromStatus: Amount(originalAmount), toStatus: Amount(amountRials),
                details: $"تعرفه سال {PersianText.ToPersianDigits(year)} از {Rials.Format(originalAmount)} به {Rials.Format(amountRials)} تغییر کرد.");
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return TariffChangeOutcome.Changed;
        }, cancellationToken);

        if (outcome == TariffChangeOutcome.Changed)
        {
            logger.LogInformation("Fee tariff of {JalaliYear} changed from {OldAmountRials} to {AmountRials} rials", year, originalAmount, amountRials);
        }

        return outcome;
    }

    public static string ExistsMessage(int year) =>
        $"تعرفه سال {PersianText.ToPersianDigits(year)} پیش‌تر ثبت شده است؛ برای تغییر مبلغ آن، «تغییر» را در فهرست تعرفه‌ها بزنید.";

    private async Task<TariffChangeOutcome> ConflictOrMissingAsync(int year, CancellationToken cancellationToken) =>
        await db.FeeTariffs.AnyAsync(t => t.JalaliYear == year, cancellationToken) ? TariffChangeOutcome.ChangedMeanwhile : TariffChangeOutcome.NotFound;

    private async Task<bool> YearExistsNowAsync(int year)
    {
        db.ChangeTracker.Clear();
        return await db.FeeTariffs.AnyAsync(t => t.JalaliYear == year);
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Amounts go in the audit's from/to columns as plain ASCII digits, readable by a query.</summary>
    private static string Amount(long amountRials) => amountRials.ToString(CultureInfo.InvariantCulture);
}
