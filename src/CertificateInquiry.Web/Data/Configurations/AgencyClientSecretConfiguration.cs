using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyClientSecretConfiguration : IEntityTypeConfiguration<AgencyClientSecret>
{
    public void Configure(EntityTypeBuilder<AgencyClientSecret> builder)
    {
        builder.ToTable("AgencyClientSecrets");
        builder.Property(e => e.Hash).HasMaxLength(256).IsUnicode(false);
        builder.Property(e => e.Hint).HasMaxLength(8).IsUnicode(false);
        builder.HasIndex(e => e.AgencyClientId);
    }
}
