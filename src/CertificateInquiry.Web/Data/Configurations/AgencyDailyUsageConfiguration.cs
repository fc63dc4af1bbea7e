using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyDailyUsageConfiguration : IEntityTypeConfiguration<AgencyDailyUsage>
{
    public void Configure(EntityTypeBuilder<AgencyDailyUsage> builder)
    {
        builder.ToTable("AgencyDailyUsage");
        builder.HasKey(e => new { e.AgencyClientId, e.Day });
        builder.HasOne<AgencyClient>().WithMany().HasForeignKey(e => e.AgencyClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
