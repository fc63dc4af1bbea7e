using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class InquiryAuditSegmentConfiguration : IEntityTypeConfiguration<InquiryAuditSegment>
{
    public void Configure(EntityTypeBuilder<InquiryAuditSegment> builder)
    {
        builder.ToTable("InquiryAuditSegments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32).IsUnicode(false).ValueGeneratedNever();
        builder.HasIndex(s => s.WrittenAtUtc); // the retention job's prune
    }
}
