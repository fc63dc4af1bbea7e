using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class CertificateCorrectionConfiguration : IEntityTypeConfiguration<CertificateCorrection>
{
    /// <summary>A value as stored: a name, an ISO date or a standard's id.</summary>
    public const int ValueLength = DataLimits.Name;

    public void Configure(EntityTypeBuilder<CertificateCorrection> builder)
    {
        builder.ToTable("CertificateCorrections");
        builder.Property(c => c.HolderIdentifier).HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.ReportedValue).HasMaxLength(ValueLength);
        builder.Property(c => c.RequestedValue).HasMaxLength(ValueLength);
        builder.Property(c => c.Note).HasMaxLength(DataLimits.Note);
        builder.Property(c => c.Mobile).HasMaxLength(DataLimits.Mobile).IsUnicode(false);
        builder.Property(c => c.OpenKey).HasMaxLength(40).IsUnicode(false);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.DocumentName).HasMaxLength(DataLimits.FileName);
        builder.Property(c => c.DocumentStoredName).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.DocumentContentType).HasMaxLength(32).IsUnicode(false);
        builder.Property(c => c.DocumentSha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.ProposedOutcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.ProposedValue).HasMaxLength(ValueLength);
        builder.Property(c => c.ProposedReason).HasMaxLength(DataLimits.Note);
        builder.Property(c => c.ProposedByUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(c => c.ProposedByName).HasMaxLength(DataLimits.Title);
        builder.Property(c => c.DecidedByUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(c => c.DecidedByName).HasMaxLength(DataLimits.Title);
        builder.Property(c => c.DecisionNote).HasMaxLength(DataLimits.Note);
        builder.Property(c => c.Answer).HasMaxLength(DataLimits.Note);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsDecided);

        builder.HasIndex(c => c.SubmissionKey).IsUnique();
        builder.HasIndex(c => c.OpenKey).IsUnique(); // NULL once decided: SQL Server gets a filtered index, SQLite ignores NULLs
        builder.HasIndex(c => new { c.ProvinceId, c.Status }); // a province's queue
        builder.HasIndex(c => c.HolderIdentifier); // the holder's list
        builder.HasIndex(c => c.CertificateId);

        builder.HasOne(c => c.Certificate).WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateChangeConfiguration : IEntityTypeConfiguration<CertificateChange>
{
    public void Configure(EntityTypeBuilder<CertificateChange> builder)
    {
        builder.ToTable("CertificateChanges");
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.OldValue).HasMaxLength(CertificateCorrectionConfiguration.ValueLength);
        builder.Property(c => c.NewValue).HasMaxLength(CertificateCorrectionConfiguration.ValueLength);
        builder.Property(c => c.ApprovedByUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(c => c.ApprovedByName).HasMaxLength(DataLimits.Title);
        builder.HasIndex(c => c.CertificateId); // a certificate's history
        builder.HasIndex(c => c.CorrectionId);

        builder.HasOne<Certificate>().WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificateCorrection>().WithMany().HasForeignKey(c => c.CorrectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
