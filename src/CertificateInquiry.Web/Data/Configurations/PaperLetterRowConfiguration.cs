using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class PaperLetterRowConfiguration : IEntityTypeConfiguration<PaperLetterRow>
{
    public void Configure(EntityTypeBuilder<PaperLetterRow> builder)
    {
        builder.ToTable("PaperLetterRows");
        builder.Property(r => r.RowId).HasMaxLength(DataLimits.AgencyReference);
        builder.Property(r => r.GivenNationalCode).HasMaxLength(PaperLetterRow.MaxGivenLength);
        builder.Property(r => r.GivenCertificateNumber).HasMaxLength(PaperLetterRow.MaxGivenLength);
        builder.Property(r => r.GivenFirstName).HasMaxLength(PaperLetterRow.MaxGivenLength);
        builder.Property(r => r.GivenLastName).HasMaxLength(PaperLetterRow.MaxGivenLength);
        builder.Property(r => r.NationalCode).HasMaxLength(DataLimits.HolderIdentifier).IsUnicode(false);
        builder.Property(r => r.CertificateNumber).HasMaxLength(DataLimits.CertificateNumber).IsUnicode(false);
        builder.Property(r => r.FirstName).HasMaxLength(DataLimits.Name);
        builder.Property(r => r.LastName).HasMaxLength(DataLimits.Name);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.ReasonCode).HasMaxLength(DataLimits.Title).IsUnicode(false);
        builder.Property(r => r.Reason).HasMaxLength(DataLimits.Note);
        builder.Property(r => r.FoundCertificateNumber).HasMaxLength(DataLimits.CertificateNumber).IsUnicode(false);
        builder.Property(r => r.StandardTitle).HasMaxLength(DataLimits.Title);
        builder.Property(r => r.StandardCode).HasMaxLength(DataLimits.StandardCode).IsUnicode(false);
        builder.Property(r => r.CertificateStatus).HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.FirstNameMatch).HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.LastNameMatch).HasMaxLength(16).IsUnicode(false);

        builder.HasIndex(r => new { r.PaperLetterId, r.RowNumber }).IsUnique();
        builder.HasIndex(r => r.RequestId).IsUnique(); // a request answers one row; found when its answer is approved
        builder.HasOne(r => r.Request).WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(r => r.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
