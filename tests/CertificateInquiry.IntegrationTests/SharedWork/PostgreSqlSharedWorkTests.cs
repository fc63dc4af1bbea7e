namespace CertificateInquiry.IntegrationTests.SharedWork;

// The shared-background-work tests on PostgreSQL: its locking and isolation are a server database's, not SQLite's.
public sealed class PostgreSqlJobLeaseTests() : JobLeaseTests(PostgreSqlServerFarm.OrSkip());

public sealed class PostgreSqlRetentionTests() : RetentionTests(PostgreSqlServerFarm.OrSkip());

public sealed class PostgreSqlAuditSegmentTests() : AuditSegmentTests(PostgreSqlServerFarm.OrSkip());

public sealed class PostgreSqlOutboxFarmTests() : OutboxFarmTests(PostgreSqlServerFarm.OrSkip());

public sealed class PostgreSqlBatchTakeoverTests() : BatchTakeoverTests(PostgreSqlServerFarm.OrSkip());
