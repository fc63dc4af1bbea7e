using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class PaperLetterConfiguration : IEntityTypeConfiguration<PaperLetter>
{
    public void Configure(EntityTypeBuilder<PaperLetter> builder)
    {
        builder.ToTable("PaperLetters");
        builder.Property(l => l.AgencyName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.AgencyKey).HasMaxLength(DataLimits.Title + 8);
        builder.Property(l => l.AgencyLetterNumber).HasMaxLength(DataLimits.AgencyReference);
        builder.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(l => l.RegisteredByUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(l => l.RegisteredByName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.AnswerLetterNumber).HasMaxLength(AnswerLetterConfiguration.LetterNumberLength).IsUnicode(false);
        builder.Property(l => l.VerificationCode).HasMaxLength(VerificationCode.Length).IsUnicode(false);
        builder.Property(l => l.SignerUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(l => l.SignerName).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.SignerTitle).HasMaxLength(DataLimits.Title);
        builder.Property(l => l.Version).IsConcurrencyToken();

        // One agency's letter is registered once per province: a double submit or a second tab is refused here.
        builder.HasIndex(l => new { l.ProvinceId, l.AgencyKey, l.AgencyLetterNumber }).IsUnique();
        builder.HasIndex(l => l.AnswerLetterNumber).IsUnique();
        builder.HasIndex(l => l.VerificationCode).IsUnique(); // the verify page
        builder.HasIndex(l => new { l.ProvinceId, l.AnswerJalaliYear, l.AnswerSequence }).IsUnique();
        builder.HasIndex(l => new { l.ProvinceId, l.RegisteredAtUtc }); // the province's list

        builder.HasOne(l => l.Province).WithMany().HasForeignKey(l => l.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgencyClient>().WithMany().HasForeignKey(l => l.AgencyClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Rows).WithOne().HasForeignKey(r => r.PaperLetterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<InquiryRequest>().WithOne(r => r.PaperLetter).HasForeignKey(r => r.PaperLetterId).OnDelete(DeleteBehavior.Restrict);
    }
}
