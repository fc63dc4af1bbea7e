using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Holders.Checks;

namespace CertificateInquiry.UnitTests.Holders;

/// <summary>Which inquiries "who checked me" holds back, and for how long (Holders:HeldBackDays).</summary>
public sealed class HeldBackTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static InquiryAuditEntry Entry(InquiryPurpose? purpose, bool confidential, int daysAgo) => new()
    {
        ClientAddressHash = new string('0', 32),
        Purpose = purpose,
        Confidential = confidential,
        OccurredAtUtc = Now.AddDays(-daysAgo),
    };

    [Theory]
    [InlineData(InquiryPurpose.Judicial, false, 89, true)]
    [InlineData(InquiryPurpose.Judicial, false, 91, false)]
    [InlineData(InquiryPurpose.Employment, true, 89, true)]
    [InlineData(InquiryPurpose.Employment, true, 91, false)]
    [InlineData(InquiryPurpose.Employment, false, 0, false)]
    [InlineData(null, false, 0, false)] // a public lookup
    public void Judicial_and_confidential_inquiries_wait_ninety_days_by_default(InquiryPurpose? purpose, bool confidential, int daysAgo, bool heldBack) =>
        Assert.Equal(heldBack, HolderChecks.HeldBack(Entry(purpose, confidential, daysAgo), new HolderCheckOptions(), Now));

    [Fact]
    public void Each_purpose_has_its_own_delay_named_by_its_wire_name()
    {
        var options = new HolderCheckOptions { HeldBackDays = new(StringComparer.OrdinalIgnoreCase) { ["judicial"] = 365, ["employment"] = 10 } };

        Assert.True(HolderChecks.HeldBack(Entry(InquiryPurpose.Judicial, false, 200), options, Now));
        Assert.False(HolderChecks.HeldBack(Entry(InquiryPurpose.Employment, true, 11), options, Now));
        Assert.True(HolderChecks.HeldBack(Entry(InquiryPurpose.Licensing, true, 89), options, Now)); // not named: the default
    }

    [Fact]
    public void A_negative_delay_in_settings_shows_at_once_rather_than_never()
    {
        var options = new HolderCheckOptions { HeldBackDays = new(StringComparer.OrdinalIgnoreCase) { ["judicial"] = -5 } };

        Assert.False(HolderChecks.HeldBack(Entry(InquiryPurpose.Judicial, false, 0), options, Now));
    }
}
