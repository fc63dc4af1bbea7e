using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyClientConfiguration : IEntityTypeConfiguration<AgencyClient>
{
    public void Configure(EntityTypeBuilder<AgencyClient> builder)
    {
        builder.ToTable("AgencyClients");
        builder.Property(e => e.ClientId).HasMaxLength(DataLimits.ClientId).IsUnicode(false);
        builder.HasIndex(e => e.ClientId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(DataLimits.Title);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(e => e.ContactName).HasMaxLength(DataLimits.Title);
        builder.Property(e => e.ContactEmail).HasMaxLength(DataLimits.Email);
        builder.Property(e => e.ContactPhone).HasMaxLength(DataLimits.Mobile + 4).IsUnicode(false);
        builder.Property(e => e.SuspensionReason).HasMaxLength(DataLimits.Note);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasMany(e => e.Secrets).WithOne().HasForeignKey(s => s.AgencyClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
