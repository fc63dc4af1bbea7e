using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class StaffAuditEntryConfiguration : IEntityTypeConfiguration<StaffAuditEntry>
{
    public void Configure(EntityTypeBuilder<StaffAuditEntry> builder)
    {
        builder.ToTable("StaffAudit");
        builder.Property(e => e.UserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(e => e.UserName).HasMaxLength(DataLimits.Title);
        builder.Property(e => e.Action).HasMaxLength(48).IsUnicode(false);
        builder.Property(e => e.SubjectType).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.SubjectId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(e => e.FromStatus).HasMaxLength(24).IsUnicode(false);
        builder.Property(e => e.ToStatus).HasMaxLength(24).IsUnicode(false);
        builder.Property(e => e.Details).HasMaxLength(DataLimits.Note);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId });
        builder.HasIndex(e => e.UserId);
    }
}
