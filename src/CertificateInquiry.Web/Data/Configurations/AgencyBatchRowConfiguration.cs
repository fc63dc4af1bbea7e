using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyBatchRowConfiguration : IEntityTypeConfiguration<AgencyBatchRow>
{
    public void Configure(EntityTypeBuilder<AgencyBatchRow> builder)
    {
        builder.ToTable("AgencyBatchRows");
        builder.HasKey(e => new { e.BatchId, e.RowNumber });
        builder.Property(e => e.BatchId).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.RowId).HasMaxLength(64);
        builder.Property(e => e.NationalCode).HasMaxLength(DataLimits.HolderIdentifier).IsUnicode(false);
        builder.Property(e => e.CertificateNumber).HasMaxLength(64);
        builder.Property(e => e.FirstName).HasMaxLength(256);
        builder.Property(e => e.LastName).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.Outcome).HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.FirstNameMatch).HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.LastNameMatch).HasMaxLength(16).IsUnicode(false);
        builder.HasOne<AgencyBatch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
