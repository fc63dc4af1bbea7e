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
        builder.HasIndex(e => e.OccurredAtUtc); // lookups per day
        builder.HasIndex(e => new { e.AgencyClientId, e.OccurredAtUtc }); // one agency's inquiries, its daily usage
        builder.HasIndex(e => new { e.NationalCodeHash, e.OccurredAtUtc }); // who asked about one person
        builder.HasIndex(e => new { e.ClientAddressHash, e.OccurredAtUtc }); // one client's recent attempts
    }
}
