using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CertificateInquiry.Web.Data;

/// <summary>
/// The portal's database on PostgreSQL (Npgsql), with its own migrations in Data/Migrations/PostgreSql. Npgsql maps
/// <see cref="DateTime"/> to <c>timestamp with time zone</c> and refuses to write one whose Kind is not UTC; the
/// portal's instants are UTC by name (<c>…AtUtc</c>) but a value read back from SQLite, or built in code, may say
/// Unspecified, so every instant is marked UTC on its way in. Wall-clock values (names ending in <c>Local</c>, such
/// as a visit's Iran time) are not instants: they become <c>timestamp without time zone</c>. ADR-036.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options)
{
    private const string WallClockSuffix = "Local";

    private static readonly ValueConverter<DateTime, DateTime> AsUtc =
        new(value => DateTime.SpecifyKind(value, DateTimeKind.Utc), value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime, DateTime> AsWallClock =
        new(value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified), value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified));

    // Npgsql writes only offset 0 to timestamp with time zone; the offset itself is never kept by PostgreSQL anyway.
    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> AtOffsetZero =
        new(value => value.ToUniversalTime(), value => value);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        QuoteIndexFilters(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(DateTime) && property.Name.EndsWith(WallClockSuffix, StringComparison.Ordinal))
            {
                property.SetColumnType("timestamp without time zone");
                property.SetValueConverter(AsWallClock);
            }
            else if (type == typeof(DateTime))
            {
                property.SetValueConverter(AsUtc);
            }
            else if (type == typeof(DateTimeOffset))
            {
                property.SetValueConverter(AtOffsetZero);
            }
        }
    }

    /// <summary>
    /// The configurations write index filters with bare column names (<c>AgencyClientId IS NOT NULL</c>), which SQLite
    /// and SQL Server match without regard to case; PostgreSQL folds a bare name to lower case and finds no such
    /// column, so here the names are quoted. Done in this model, not in the shared configurations, so that the other
    /// providers' models (and migrations) stay as they are.
    /// </summary>
    private static void QuoteIndexFilters(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(property => property.GetColumnName()).ToList();
            foreach (var index in entity.GetIndexes().Where(index => index.GetFilter() is not null))
            {
                var filter = index.GetFilter()!;
                foreach (var column in columns)
                {
                    filter = Regex.Replace(filter, $@"(?<![""\w]){Regex.Escape(column)}(?![""\w])", $"\"{column}\"", RegexOptions.CultureInvariant);
                }

                index.SetFilter(filter);
            }
        }
    }
}
