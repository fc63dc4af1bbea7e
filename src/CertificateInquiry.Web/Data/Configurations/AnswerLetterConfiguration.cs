using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AnswerLetterConfiguration : IEntityTypeConfiguration<AnswerLetter>
{
    /// <summary><c>08/1405/00012</c>, with room for a sequence that outgrows five digits.</summary>
    public const int LetterNumberLength = 24;

    public void Configure(EntityTypeBuilder<AnswerLetter> builder)
    {
        builder.ToTable("AnswerLetters");
        builder.Property(l => l.TrackingCode).HasMaxLength(TrackingCode.Length).IsUnicode(false);
        builder.Property(l => l.LetterNumber).HasMaxLength(LetterNumberLength).IsUnicode(false);
        builder.Property(l => l.VerificationCode).HasMaxLength(VerificationCode.Length).IsUnicode(false);
        builder.Property(l => l.SignerUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(l => l.SignerName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.SignerTitle).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.RequesterKind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(l => l.ApplicantName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.ApplicantFatherName).HasMaxLength(DataLimits.Name);
        builder.Property(l => l.ApplicantGender).HasConversion<string>().HasMaxLength(8).IsUnicode(false);
        builder.Property(l => l.OrganizationName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.OrganizationLetterNumber).HasMaxLength(DataLimits.Name);
        builder.Property(l => l.RequestedTrade).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(l => l.OutcomeReason).HasMaxLength(DataLimits.Note);
        builder.Property(l => l.CertificateNumber).HasMaxLength(DataLimits.CertificateNumber).IsUnicode(false);
        builder.Property(l => l.CertificateKind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(l => l.HolderName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.HolderFatherName).HasMaxLength(DataLimits.Name);
        builder.Property(l => l.HolderNationality).HasMaxLength(DataLimits.CountryCode).IsUnicode(false);
        builder.Property(l => l.StandardTitle).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.StandardCode).HasMaxLength(DataLimits.StandardCode).IsUnicode(false);
        builder.Property(l => l.TrainingCenter).HasMaxLength(DataLimits.Title);

        builder.HasIndex(l => l.RequestId).IsUnique(); // one letter per request; also the tracking page's lookup
        builder.HasIndex(l => l.LetterNumber).IsUnique();
        builder.HasIndex(l => l.VerificationCode).IsUnique(); // the verify page
        // What the counter promises, held by the database as well: a number is never given twice.
        builder.HasIndex(l => new { l.ProvinceId, l.JalaliYear, l.Sequence }).IsUnique();

        builder.HasOne<InquiryRequest>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Province).WithMany().HasForeignKey(l => l.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(l => l.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterSequenceConfiguration : IEntityTypeConfiguration<LetterSequence>
{
    /// <summary>The table's name, also used by the one raw INSERT that creates a year's counter (see AnswerLetters).</summary>
    public const string TableName = "LetterSequences";

    public void Configure(EntityTypeBuilder<LetterSequence> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(s => new { s.ProvinceId, s.JalaliYear });
        builder.Property(s => s.ProvinceId).ValueGeneratedNever();
        builder.HasOne<Province>().WithMany().HasForeignKey(s => s.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}
