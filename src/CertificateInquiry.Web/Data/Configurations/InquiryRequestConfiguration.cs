using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertificateInquiry.Web.Data.Configurations;

internal sealed class InquiryRequestConfiguration : IEntityTypeConfiguration<InquiryRequest>
{
    public const int AccessKeyLength = 32;

    public void Configure(EntityTypeBuilder<InquiryRequest> builder)
    {
        builder.ToTable("Requests");
        builder.Property(r => r.AccessKey).HasMaxLength(AccessKeyLength).IsUnicode(false);
        builder.Property(r => r.TrackingCode).HasMaxLength(TrackingCode.Length).IsUnicode(false);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(r => r.MobileOwnership).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.IdentityCheck).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.IdentityDifferences).HasMaxLength(64).IsUnicode(false);
        builder.Property(r => r.NationalCode).HasMaxLength(DataLimits.HolderIdentifier).IsUnicode(false);
        builder.Property(r => r.Nationality).HasMaxLength(DataLimits.CountryCode).IsUnicode(false);
        builder.Property(r => r.IdentityDocumentNumber).HasMaxLength(DataLimits.IdentityDocumentNumber).IsUnicode(false);
        builder.Property(r => r.FirstName).HasMaxLength(DataLimits.Name);
        builder.Property(r => r.LastName).HasMaxLength(DataLimits.Name);
        builder.Property(r => r.FatherName).HasMaxLength(DataLimits.Name);
        builder.Property(r => r.Gender).HasConversion<string>().HasMaxLength(8).IsUnicode(false);
        builder.Property(r => r.Mobile).HasMaxLength(DataLimits.Mobile).IsUnicode(false);
        builder.Property(r => r.Email).HasMaxLength(DataLimits.Email);
        builder.Property(r => r.RequesterKind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.OrganizationName).HasMaxLength(DataLimits.Title);
        builder.Property(r => r.OrganizationLetterNumber).HasMaxLength(DataLimits.Name);
        builder.Property(r => r.TradeText).HasMaxLength(DataLimits.Title);
        builder.Property(r => r.TrainingCenter).HasMaxLength(DataLimits.Title);
        builder.Property(r => r.CertificateNumber).HasMaxLength(DataLimits.CertificateNumber).IsUnicode(false);
        builder.Property(r => r.AssignedToUserId).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(r => r.VisitKind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.VisitPlace).HasMaxLength(DataLimits.Title);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.OutcomeReason).HasMaxLength(DataLimits.Note);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasIndex(r => r.AccessKey).IsUnique();
        builder.HasIndex(r => r.TrackingCode).IsUnique(); // drafts have none: SQL Server gets a filtered index, SQLite ignores NULLs
        builder.HasIndex(r => new { r.ProvinceId, r.Status }); // a province's queue
        builder.HasIndex(r => r.NationalCode); // staff search; tracking also needs the code

        builder.HasOne(r => r.Standard).WithMany().HasForeignKey(r => r.StandardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Province).WithMany().HasForeignKey(r => r.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(r => r.AnswerCertificateId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Payments).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestTransitionConfiguration : IEntityTypeConfiguration<RequestTransition>
{
    public void Configure(EntityTypeBuilder<RequestTransition> builder)
    {
        builder.ToTable("RequestTransitions");
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(t => t.Actor).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(t => t.ActorName).HasMaxLength(DataLimits.Title);
        builder.Property(t => t.Note).HasMaxLength(DataLimits.Note);
        builder.HasIndex(t => t.RequestId);
    }
}

internal sealed class RequestDocumentConfiguration : IEntityTypeConfiguration<RequestDocument>
{
    public void Configure(EntityTypeBuilder<RequestDocument> builder)
    {
        builder.ToTable("RequestDocuments");
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.Property(d => d.OriginalName).HasMaxLength(DataLimits.FileName);
        builder.Property(d => d.StoredName).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.ContentType).HasMaxLength(32).IsUnicode(false);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.UploadedInStatus).HasConversion<string>().HasMaxLength(24).IsUnicode(false);
        builder.HasIndex(d => d.RequestId);
        builder.HasIndex(d => d.StoredName).IsUnique();
    }
}

internal sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> builder)
    {
        builder.ToTable("RequestMessages");
        builder.Property(m => m.Author).HasMaxLength(DataLimits.UserId).IsUnicode(false);
        builder.Property(m => m.AuthorName).HasMaxLength(DataLimits.Title);
        builder.Property(m => m.Text).HasMaxLength(DataLimits.Note);
        builder.HasIndex(m => m.RequestId);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Gateway).HasMaxLength(32).IsUnicode(false);
        builder.Property(p => p.Authority).HasMaxLength(64).IsUnicode(false);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(p => p.ReferenceNumber).HasMaxLength(64).IsUnicode(false);
        builder.Property(p => p.GatewayTransactionId).HasMaxLength(64).IsUnicode(false);
        builder.Property(p => p.TreasuryPaymentId).HasMaxLength(32).IsUnicode(false);
        builder.Property(p => p.FailureReason).HasMaxLength(DataLimits.Title);
        builder.HasIndex(p => p.RequestId);
        builder.HasIndex(p => new { p.Gateway, p.Authority }).IsUnique();
        builder.HasIndex(p => new { p.Gateway, p.GatewayTransactionId }).IsUnique();

        // The reconciliation reads the open payments by age.
        builder.HasIndex(p => new { p.Status, p.CreatedAtUtc });
    }
}

internal sealed class FeeTariffConfiguration : IEntityTypeConfiguration<FeeTariff>
{
    public void Configure(EntityTypeBuilder<FeeTariff> builder)
    {
        builder.ToTable("FeeTariffs");
        builder.HasKey(t => t.JalaliYear);
        builder.Property(t => t.JalaliYear).ValueGeneratedNever();
        var seededAt = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(
            new FeeTariff { JalaliYear = 1404, AmountRials = 2_500_000, UpdatedAtUtc = seededAt },
            new FeeTariff { JalaliYear = 1405, AmountRials = 3_000_000, UpdatedAtUtc = seededAt },
            new FeeTariff { JalaliYear = 1406, AmountRials = 3_600_000, UpdatedAtUtc = seededAt });
    }
}

internal sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> builder)
    {
        builder.ToTable("PhoneVerifications");
        builder.Property(v => v.Mobile).HasMaxLength(DataLimits.Mobile).IsUnicode(false);
        builder.Property(v => v.CodeHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(v => v.HolderKey).HasMaxLength(InquiryAudit.ClientAddressHashLength).IsUnicode(false);
        builder.HasIndex(v => v.RequestId);
        builder.HasIndex(v => new { v.HolderKey, v.Mobile });
        builder.HasOne<InquiryRequest>().WithMany().HasForeignKey(v => v.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8).IsUnicode(false);
        builder.Property(m => m.Recipient).HasMaxLength(DataLimits.Email);
        builder.Property(m => m.Subject).HasMaxLength(DataLimits.Title);
        builder.Property(m => m.LastError).HasMaxLength(DataLimits.Title);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(12).IsUnicode(false);
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc }); // the dispatcher's due messages
        builder.HasIndex(m => m.RequestId);
    }
}
