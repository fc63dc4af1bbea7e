using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.NationalCode).HasMaxLength(DataLimits.HolderIdentifier).IsUnicode(false);
        builder.Property(p => p.Nationality).HasMaxLength(DataLimits.CountryCode).IsUnicode(false);
        builder.Property(p => p.FirstName).HasMaxLength(DataLimits.Name);
        builder.Property(p => p.LastName).HasMaxLength(DataLimits.Name);
        builder.Property(p => p.FatherName).HasMaxLength(DataLimits.Name);
        builder.Property(p => p.Gender).HasConversion<string>().HasMaxLength(8).IsUnicode(false);
        builder.Ignore(p => p.FullName);
        builder.HasIndex(p => p.NationalCode).IsUnique();
    }
}
