using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace CertificateInquiry.Web.Data;

/// <summary>
/// The portal's database. Each provider has its own subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="SqlServerAppDbContext"/>) so that each keeps its own migrations; features use this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<TrainingStandard> TrainingStandards => Set<TrainingStandard>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<InquiryAuditEntry> InquiryAudit => Set<InquiryAuditEntry>();

    public DbSet<InquiryRequest> Requests => Set<InquiryRequest>();

    public DbSet<RequestTransition> RequestTransitions => Set<RequestTransition>();

    public DbSet<RequestDocument> RequestDocuments => Set<RequestDocument>();

    public DbSet<RequestMessage> RequestMessages => Set<RequestMessage>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<FeeTariff> FeeTariffs => Set<FeeTariff>();

    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    /// <summary>
    /// No index is created for a foreign key unless a configuration asks for it: an index on a column of 31
    /// provinces serves no query and costs every import (see docs/decisions/ADR-004).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
