using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

// ASP.NET Core Identity's tables, named for the portal (Staff…) instead of AspNet…. IdentityDbContext configures
// their keys, lengths and its own lookup indexes (UserNameIndex, EmailIndex, RoleNameIndex); the foreign-key
// indexes its stores query by are declared here because AppDbContext removes the convention that would add them.
internal sealed class StaffUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    // Holds the authenticator key and the recovery codes; the key (UserId, LoginProvider, Name) serves every query.
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("StaffUserTokens");
}
