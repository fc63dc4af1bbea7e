namespace CertificateInquiry.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The <c>Database</c> settings section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the portal (or a command) starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Fill an empty embedded database with demo certificates on first run.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Folder for the embedded SQLite file when no connection string is set; relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";
}

/// <summary>The provider and connection string the portal's context was registered with (see <c>AddDatabase</c>).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
