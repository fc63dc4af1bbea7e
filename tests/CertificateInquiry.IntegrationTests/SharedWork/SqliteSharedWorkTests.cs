namespace CertificateInquiry.IntegrationTests.SharedWork;

// The shared-background-work tests on SQLite; a server database's farm runs the same abstract classes.
public sealed class SqliteJobLeaseTests() : JobLeaseTests(new SqliteServerFarm());

public sealed class SqliteRetentionTests() : RetentionTests(new SqliteServerFarm());

public sealed class SqliteAuditSegmentTests() : AuditSegmentTests(new SqliteServerFarm());

public sealed class SqliteOutboxFarmTests() : OutboxFarmTests(new SqliteServerFarm());

public sealed class SqliteBatchTakeoverTests() : BatchTakeoverTests(new SqliteServerFarm());
