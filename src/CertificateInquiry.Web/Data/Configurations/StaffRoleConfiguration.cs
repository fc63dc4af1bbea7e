using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

// ASP.NET Core Identity's tables, named for the portal (Staff…) instead of AspNet…. IdentityDbContext configures
// their keys, lengths and its own lookup indexes (UserNameIndex, EmailIndex, RoleNameIndex); the foreign-key
// indexes its stores query by are declared here because AppDbContext removes the convention that would add them.
internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.ToTable("StaffRoles");

        // The staff and agency roles exist in every database, from the migration; fixed ids and stamps keep the model stable.
        builder.HasData(StaffRoles.All.Concat(AgencyRoles.All).Select(role => new IdentityRole
        {
            Id = role,
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));
    }
}
