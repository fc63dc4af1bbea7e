using System.Data.Common;
using Npgsql;

namespace CertificateInquiry.Web.Data;

/// <summary>
/// The portal's defaults for a PostgreSQL connection string. Npgsql prepares nothing unless told to; EF's queries are
/// the same few statements over and over, and with automatic preparation PostgreSQL plans each once per connection
/// instead of once per query: the cluster benchmark's lookups went from 421 to 688 a second, p99 from 431 to 261 ms
/// (bench/README.md). An operator's own <c>Max Auto Prepare</c> (0 behind a PgBouncer in transaction mode that keeps
/// no prepared statements) wins.
/// </summary>
public static class PostgreSqlConnectionStrings
{
    public const int MaxAutoPrepare = 32;
    public const int AutoPrepareMinUsages = 2;

    /// <summary><paramref name="connectionString"/> with automatic preparation on, unless it says otherwise.</summary>
    public static string WithPortalDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Sets(given, "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }

    // Npgsql takes a keyword with or without its spaces, in any case ("Max Auto Prepare", "maxautoprepare").
    private static bool Sets(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
