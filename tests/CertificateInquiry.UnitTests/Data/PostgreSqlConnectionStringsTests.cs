using CertificateInquiry.Web.Data;
using Npgsql;

namespace CertificateInquiry.UnitTests.Data;

public sealed class PostgreSqlConnectionStringsTests
{
    private const string Given = "Host=db.internal;Port=5432;Database=portal;Username=portal_app;Password=p;Maximum Pool Size=60";

    [Fact]
    public void A_connection_string_that_says_nothing_of_preparation_gets_automatic_preparation_and_keeps_the_rest()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionStrings.WithPortalDefaults(Given));

        Assert.Equal(
            (PostgreSqlConnectionStrings.MaxAutoPrepare, PostgreSqlConnectionStrings.AutoPrepareMinUsages),
            (result.MaxAutoPrepare, result.AutoPrepareMinUsages));
        Assert.Equal(("db.internal", 5432, "portal", "portal_app", "p", 60),
            (result.Host, result.Port, result.Database, result.Username, result.Password, result.MaxPoolSize));
    }

    [Theory]
    [InlineData(";Max Auto Prepare=0", 0, PostgreSqlConnectionStrings.AutoPrepareMinUsages)] // behind a PgBouncer that keeps no prepared statements
    [InlineData(";maxautoprepare=5;AUTO PREPARE MIN USAGES=7", 5, 7)]
    [InlineData(";Auto Prepare Min Usages=1", PostgreSqlConnectionStrings.MaxAutoPrepare, 1)]
    public void The_operators_own_settings_win(string operatorSettings, int maxAutoPrepare, int minUsages)
    {
        var result = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionStrings.WithPortalDefaults(Given + operatorSettings));

        Assert.Equal((maxAutoPrepare, minUsages), (result.MaxAutoPrepare, result.AutoPrepareMinUsages));
    }
}
