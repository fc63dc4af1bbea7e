namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a test class on PostgreSQL as well as SQLite. The class is left unsealed, its tests are [SkippableFact] or
/// [SkippableTheory], and a nested subclass named <c>PostgreSql</c> takes the PostgreSQL variant of its portal through
/// <see cref="Of{T}"/>, which skips every test of the subclass when <c>CI_POSTGRES</c> is not set:
/// <code>
/// public class OutboxTests(PortalFactory portal) : IClassFixture&lt;PortalFactory&gt;
/// {
///     public sealed class PostgreSql(PostgreSqlPortalFactory portal)
///         : OutboxTests(PostgreSqlVariant.Of(portal)), IClassFixture&lt;PostgreSqlPortalFactory&gt;;
/// }
/// </code>
/// xunit runs the inherited tests again in the subclass; <c>--filter FullyQualifiedName~OutboxTests</c> picks both.
/// A class that makes its portals inside its tests has a <c>protected virtual bool OnPostgreSql</c> that picks the
/// portal class, and its nested <c>PostgreSql</c> subclass overrides it and calls <see cref="SkipUnlessConfigured"/>
/// in its constructor (see InquiryAuditTests).
/// </summary>
public static class PostgreSqlVariant
{
    public static T Of<T>(T portal)
        where T : PortalFactory
    {
        ArgumentNullException.ThrowIfNull(portal);
        portal.SkipUnlessAvailable();
        return portal;
    }

    /// <summary>A new PostgreSQL portal for a test class that owns its portal; skips first when no server is named.</summary>
    public static T New<T>()
        where T : PortalFactory, new()
    {
        SkipUnlessConfigured();
        return new T();
    }

    /// <summary>For classes that make their portals in each test: call first in the subclass's constructor.</summary>
    public static void SkipUnlessConfigured() => PostgreSqlTestDatabases.SkipUnlessConfigured();
}
