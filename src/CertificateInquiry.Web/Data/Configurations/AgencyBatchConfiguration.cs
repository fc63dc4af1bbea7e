using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyBatchConfiguration : IEntityTypeConfiguration<AgencyBatch>
{
    public void Configure(EntityTypeBuilder<AgencyBatch> builder)
    {
        builder.ToTable("AgencyBatches");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.FileSha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.CaseReference).HasMaxLength(DataLimits.AgencyReference);
        builder.Property(e => e.OfficerId).HasMaxLength(DataLimits.AgencyReference);
        builder.Property(e => e.FileName).HasMaxLength(128);
        builder.Property(e => e.Format).HasMaxLength(8).IsUnicode(false);
        builder.Property(e => e.ClientAddressHash).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.RejectionCode).HasMaxLength(32).IsUnicode(false);
        builder.Property(e => e.RejectionMessage).HasMaxLength(400);
        builder.Property(e => e.LeaseOwner).HasMaxLength(100).IsUnicode(false);
        builder.HasOne<AgencyClient>().WithMany().HasForeignKey(e => e.AgencyClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AgencyClientId, e.IdempotencyKey }).IsUnique();
        builder.HasIndex(e => new { e.AgencyClientId, e.CreatedAtUtc }); // the agency's list
        builder.HasIndex(e => new { e.Status, e.LeasedUntilUtc }); // the worker's claim
        builder.HasIndex(e => e.ResultsExpireAtUtc); // the retention clean-up
    }
}
