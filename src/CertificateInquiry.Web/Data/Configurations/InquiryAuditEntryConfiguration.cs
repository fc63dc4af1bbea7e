using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class InquiryAuditEntryConfiguration : IEntityTypeConfiguration<InquiryAuditEntry>
{
    public void Configure(EntityTypeBuilder<InquiryAuditEntry> builder)
    {
        builder.ToTable("InquiryAudit");
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.ClientAddressHash).HasMaxLength(InquiryAudit.ClientAddressHashLength).IsUnicode(false);
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.CaseReference).HasMaxLength(DataLimits.AgencyReference);
        builder.Property(e => e.OfficerId).HasMaxLength(DataLimits.AgencyReference);
        builder.Property(e => e.NationalCodeHash).HasMaxLength(InquiryAudit.ClientAddressHashLength).IsUnicode(false);
        builder.Property(e => e.InquiryId).HasMaxLength(DataLimits.InquiryId).IsUnicode(false);
        // Every index is one more B-tree insert per inquiry, in the audit writer that shares the CPU with the lookups
        // (bench/README.md): no index that no query reads, and the agency indexes filtered to the rows that have the
        // column (a public lookup has neither). The filters are written so that SQLite and SQL Server both read them.
        builder.HasIndex(e => e.OccurredAtUtc); // lookups per day
        builder.HasIndex(e => new { e.AgencyClientId, e.OccurredAtUtc }) // one agency's inquiries, its daily usage
            .HasFilter("AgencyClientId IS NOT NULL");
        builder.HasIndex(e => new { e.NationalCodeHash, e.OccurredAtUtc }) // who asked about one person
            .HasFilter("NationalCodeHash IS NOT NULL");
        builder.HasIndex(e => new { e.CertificateId, e.OccurredAtUtc }) // who checked one certificate (a holder's /my/checks)
            .HasFilter("CertificateId IS NOT NULL");
    }
}
