using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class SpentClientAssertionConfiguration : IEntityTypeConfiguration<SpentClientAssertion>
{
    public void Configure(EntityTypeBuilder<SpentClientAssertion> builder)
    {
        builder.ToTable("SpentClientAssertions");
        builder.HasKey(e => new { e.ClientId, e.TokenId });
        builder.Property(e => e.ClientId).HasMaxLength(DataLimits.ClientId).IsUnicode(false);

        // A jti is the client's choice; a longer one is refused before it gets here.
        builder.Property(e => e.TokenId).HasMaxLength(128).IsUnicode(false);
        builder.HasIndex(e => e.ExpiresAtUtc);
    }
}
