using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class AgencyAnswerConfiguration : IEntityTypeConfiguration<AgencyAnswer>
{
    public void Configure(EntityTypeBuilder<AgencyAnswer> builder)
    {
        builder.ToTable("AgencyAnswers");
        builder.HasKey(e => e.InquiryId);
        builder.Property(e => e.InquiryId).HasMaxLength(DataLimits.InquiryId).IsUnicode(false);
        builder.Property(e => e.SignedAnswer).IsUnicode(false);
        builder.HasIndex(e => e.AnsweredAtUtc); // the retention clean-up
    }
}
