using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AnswerProposalConfiguration : IEntityTypeConfiguration<AnswerProposal>
{
    public void Configure(EntityTypeBuilder<AnswerProposal> builder)
    {
        builder.ToTable("AnswerProposals");
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.Reason).HasMaxLength(DataLimits.Note);
        builder.Property(p => p.CertificateNumber).HasMaxLength(DataLimits.CertificateNumber).IsUnicode(false);
        builder.Property(p => p.CertificateKind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.TrainingCenter).HasMaxLength(DataLimits.Title);
        builder.Property(p => p.Program).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.ProposedByUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(p => p.ProposedByName).HasMaxLength(DataLimits.Title);
        builder.Property(p => p.Decision).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.DecidedByUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(p => p.DecidedByName).HasMaxLength(DataLimits.Title);
        builder.Property(p => p.DecisionNote).HasMaxLength(DataLimits.Note);
        builder.Ignore(p => p.IsPending);
        builder.Ignore(p => p.DigitizesPaperCertificate);

        builder.HasIndex(p => p.RequestId); // a request's proposals; "awaiting approval" in the queue

        builder.HasOne<InquiryRequest>().WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingStandard>().WithMany().HasForeignKey(p => p.StandardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(p => p.LinkedCertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
