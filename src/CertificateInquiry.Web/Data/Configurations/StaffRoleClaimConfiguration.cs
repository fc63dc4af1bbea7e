using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

// ASP.NET Core Identity's tables, named for the portal (Staff…) instead of AspNet…. IdentityDbContext configures
// their keys, lengths and its own lookup indexes (UserNameIndex, EmailIndex, RoleNameIndex); the foreign-key
// indexes its stores query by are declared here because AppDbContext removes the convention that would add them.
internal sealed class StaffRoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder)
    {
        builder.ToTable("StaffRoleClaims");
        builder.HasIndex(c => c.RoleId); // read with the roles at every sign-in
    }
}
