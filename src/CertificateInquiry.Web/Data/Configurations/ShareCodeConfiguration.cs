using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class ShareCodeConfiguration : IEntityTypeConfiguration<ShareCode>
{
    public void Configure(EntityTypeBuilder<ShareCode> builder)
    {
        builder.ToTable("ShareCodes");
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.Hint).HasMaxLength(4).IsUnicode(false);
        builder.Property(c => c.Recipient).HasMaxLength(DataLimits.ShareRecipient);
        builder.Property(c => c.CreationKey).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.CreationKey }).IsUnique();
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Certificate).WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
