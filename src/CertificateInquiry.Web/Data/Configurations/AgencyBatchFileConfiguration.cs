using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyBatchFileConfiguration : IEntityTypeConfiguration<AgencyBatchFile>
{
    public void Configure(EntityTypeBuilder<AgencyBatchFile> builder)
    {
        builder.ToTable("AgencyBatchFiles");
        builder.HasKey(e => new { e.BatchId, e.Format });
        builder.Property(e => e.BatchId).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.Format).HasMaxLength(8).IsUnicode(false);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.Signature).IsUnicode(false);
        builder.HasOne<AgencyBatch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
