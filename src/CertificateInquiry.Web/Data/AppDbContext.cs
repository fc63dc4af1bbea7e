using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace CertificateInquiry.Web.Data;

/// <summary>
/// The portal's database. Each provider has its own subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="SqlServerAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>) so that each keeps its own migrations; features use this type. It is also
/// ASP.NET Core Identity's store for staff users and roles (their tables are configured in
/// Configurations/StaffIdentityConfiguration.cs).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<TrainingStandard> TrainingStandards => Set<TrainingStandard>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CertificateCorrection> CertificateCorrections => Set<CertificateCorrection>();

    public DbSet<CertificateChange> CertificateChanges => Set<CertificateChange>();

    public DbSet<InquiryAuditEntry> InquiryAudit => Set<InquiryAuditEntry>();

    public DbSet<InquiryAuditSegment> InquiryAuditSegments => Set<InquiryAuditSegment>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<ShareCode> ShareCodes => Set<ShareCode>();

    public DbSet<InquiryRequest> Requests => Set<InquiryRequest>();

    public DbSet<RequestTransition> RequestTransitions => Set<RequestTransition>();

    public DbSet<RequestDocument> RequestDocuments => Set<RequestDocument>();

    public DbSet<RequestMessage> RequestMessages => Set<RequestMessage>();

    public DbSet<AnswerProposal> AnswerProposals => Set<AnswerProposal>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<FeeTariff> FeeTariffs => Set<FeeTariff>();

    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();

    public DbSet<SmsCodeSend> SmsCodeSends => Set<SmsCodeSend>();

    public DbSet<AnswerLetter> AnswerLetters => Set<AnswerLetter>();

    public DbSet<LetterSequence> LetterSequences => Set<LetterSequence>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<StaffAuditEntry> StaffAudit => Set<StaffAuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AgencyClient> AgencyClients => Set<AgencyClient>();

    public DbSet<AgencyClientSecret> AgencyClientSecrets => Set<AgencyClientSecret>();

    public DbSet<AgencyDailyUsage> AgencyDailyUsage => Set<AgencyDailyUsage>();

    public DbSet<AgencyAnswer> AgencyAnswers => Set<AgencyAnswer>();

    public DbSet<SpentClientAssertion> SpentClientAssertions => Set<SpentClientAssertion>();

    public DbSet<PaperLetter> PaperLetters => Set<PaperLetter>();

    public DbSet<PaperLetterRow> PaperLetterRows => Set<PaperLetterRow>();

    public DbSet<AgencyBatch> AgencyBatches => Set<AgencyBatch>();

    public DbSet<AgencyBatchRow> AgencyBatchRows => Set<AgencyBatchRow>();

    public DbSet<AgencyBatchFile> AgencyBatchFiles => Set<AgencyBatchFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's model first, so that the portal's configurations can rename its tables and add its indexes.
        base.OnModelCreating(modelBuilder);

        // OpenIddict's applications, authorizations, scopes and tokens: the agencies' OAuth clients (ADR-023).
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>
    /// No index is created for a foreign key unless a configuration asks for it: an index on a column of 31
    /// provinces serves no query and costs every import (see docs/decisions/ADR-004). Identity's foreign keys lose
    /// theirs too, so StaffIdentityConfiguration declares the ones its stores query by.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
