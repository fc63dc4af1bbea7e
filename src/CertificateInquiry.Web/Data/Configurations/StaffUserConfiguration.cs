using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

// ASP.NET Core Identity's tables, named for the portal (Staff…) instead of AspNet…. IdentityDbContext configures
// their keys, lengths and its own lookup indexes (UserNameIndex, EmailIndex, RoleNameIndex); the foreign-key
// indexes its stores query by are declared here because AppDbContext removes the convention that would add them.
internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("StaffUsers");
        builder.Property(u => u.FullName).HasMaxLength(DataLimits.Name * 2);
        builder.Property(u => u.Title).HasMaxLength(DataLimits.Title);

        // The e-mail is the sign-in name and must be unique (Identity checks it too; this makes it hold under races).
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();

        // No index on ProvinceId: a few hundred staff rows are read whole.
        builder.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceId).OnDelete(DeleteBehavior.Restrict);

        // An agency portal user's agency: its users are listed by it.
        builder.HasOne<AgencyClient>().WithMany().HasForeignKey(u => u.AgencyClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.AgencyClientId);
    }
}
