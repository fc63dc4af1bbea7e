using System.CommandLine;
using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Commands;

/// <summary>
/// <c>migrate</c>: applies the migrations this version needs to the configured database and exits, whatever
/// <c>Database:MigrateOnStartup</c> says. The first step of a rolling upgrade behind a load balancer
/// (docs/operations.md): the schema moves first, while the old servers keep answering, then the servers are replaced
/// one by one with <c>MigrateOnStartup=false</c>. Exit code 0 when the database is up to date (nothing to do included).
/// </summary>
public sealed class MigrateCommand : Command
{
    public MigrateCommand()
        : base("migrate", "Apply the database migrations of this version, then exit (before starting new servers with Database:MigrateOnStartup=false).")
    {
    }

    public static async Task<int> RunAsync(AppDbContext db, TextWriter output, CancellationToken cancellationToken)
    {
        await MigrationHistoryCheck.EnsureSameChainAsync(db.Database, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

        // EF Core takes the provider's migration lock: two operators (or servers) migrating at once do not collide.
        await db.Database.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(pending.Count == 0
            ? "پایگاه داده به‌روز است؛ مهاجرتی نمانده بود. | The database is up to date; no migration was pending."
            : $"{pending.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} مهاجرت اجرا شد. | Applied: {string.Join(", ", pending)}");
        return 0;
    }
}
