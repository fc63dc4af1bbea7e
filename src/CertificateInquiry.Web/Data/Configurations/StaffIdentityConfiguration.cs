using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
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
    }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.ToTable("StaffRoles");

        // The three roles exist in every database, from the migration; fixed ids and stamps keep the model stable.
        builder.HasData(StaffRoles.All.Select(role => new IdentityRole
        {
            Id = role,
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));
    }
}

internal sealed class StaffUserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> builder)
    {
        builder.ToTable("StaffUserRoles");
        builder.HasIndex(r => r.RoleId); // the users of a role; the key (UserId, RoleId) serves a user's roles
    }
}

internal sealed class StaffUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder)
    {
        builder.ToTable("StaffUserClaims");
        builder.HasIndex(c => c.UserId); // read at every sign-in and security-stamp check
    }
}

internal sealed class StaffUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder)
    {
        builder.ToTable("StaffUserLogins");
        builder.HasIndex(l => l.UserId);
    }
}

internal sealed class StaffUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    // Holds the authenticator key and the recovery codes; the key (UserId, LoginProvider, Name) serves every query.
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("StaffUserTokens");
}

internal sealed class StaffRoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder)
    {
        builder.ToTable("StaffRoleClaims");
        builder.HasIndex(c => c.RoleId); // read with the roles at every sign-in
    }
}
