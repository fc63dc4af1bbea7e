using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class SmsCodeSendConfiguration : IEntityTypeConfiguration<SmsCodeSend>
{
    public void Configure(EntityTypeBuilder<SmsCodeSend> builder)
    {
        builder.ToTable("SmsCodeSends");
        builder.Property(s => s.Mobile).HasMaxLength(DataLimits.Mobile).IsUnicode(false);

        // The claim of a send: two sends racing for the same place in the number's series cannot both be stored.
        builder.HasIndex(s => new { s.Mobile, s.Sequence }).IsUnique();
    }
}
