using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CertificateInquiry.Web.Data;

/// <summary>
/// Stops a start on a database whose migration history was written by another chain of migrations: one built before
/// the migrations were squashed into one <c>Initial</c> (docs/decisions/ADR-021). EF would otherwise run
/// <c>Initial</c> again on it and fail on the first table that exists, with a message that says nothing of what to do.
/// A history that holds this build's first migration passes, even with later ones this build does not know (a newer
/// build's database during a rolling deployment).
/// </summary>
public static class MigrationHistoryCheck
{
    public static async Task EnsureSameChainAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var first = database.GetMigrations().FirstOrDefault();
        var applied = (await database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (first is null || applied.Count == 0 || applied.Contains(first, StringComparer.Ordinal))
        {
            return;
        }

        throw new InvalidOperationException(
            "پایگاه داده با مهاجرت‌هایی ساخته شده که در این نسخه نیستند؛ پیش از نخستین انتشار همهٔ آن‌ها در یک مهاجرت "
            + "Initial ادغام شدند. فایل SQLite محیط توسعه را پاک کنید تا درگاه آن را از نو بسازد. "
            + $"The database ({database.GetDbConnection().DataSource}) was built by migrations this build does not have "
            + $"({string.Join(", ", applied)}): before the first release they were squashed into one Initial "
            + "(docs/decisions/ADR-021). Delete the development SQLite file and start again; the portal recreates it.");
    }
}
