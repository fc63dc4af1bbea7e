using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.Property(c => c.Number).HasMaxLength(DataLimits.CertificateNumber).IsUnicode(false);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.Program).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(c => c.TrainingCenter).HasMaxLength(DataLimits.Title);
        builder.Property(c => c.VerificationCode).HasMaxLength(VerificationCode.Length).IsUnicode(false);

        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.VerificationCode).IsUnique();
        builder.HasIndex(c => c.PersonId); // a holder's certificates

        builder.HasOne(c => c.Person).WithMany(p => p.Certificates).HasForeignKey(c => c.PersonId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Standard).WithMany().HasForeignKey(c => c.StandardId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Province).WithMany().HasForeignKey(c => c.ProvinceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
