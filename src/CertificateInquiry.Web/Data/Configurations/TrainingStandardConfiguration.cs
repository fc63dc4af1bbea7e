using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class TrainingStandardConfiguration : IEntityTypeConfiguration<TrainingStandard>
{
    public void Configure(EntityTypeBuilder<TrainingStandard> builder)
    {
        builder.ToTable("TrainingStandards");
        builder.Property(s => s.Code).HasMaxLength(DataLimits.StandardCode);
        builder.Property(s => s.Title).HasMaxLength(DataLimits.Title);
        builder.HasIndex(s => s.Code).IsUnique();
    }
}
