using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.IdentityChecks;
using CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;

namespace CertificateInquiry.UnitTests.OutsideServices;

/// <summary>The rules the provider clients apply to what the providers answer.</summary>
public sealed class ProviderRulesTests
{
    [Theory]
    [InlineData(411, KavenegarRefusal.MessageRefused)]
    [InlineData(422, KavenegarRefusal.MessageRefused)]
    [InlineData(418, KavenegarRefusal.AccountNeedsAttention)]
    [InlineData(403, KavenegarRefusal.AccountNeedsAttention)]
    [InlineData(424, KavenegarRefusal.AccountNeedsAttention)]
    [InlineData(409, KavenegarRefusal.TryLater)]
    [InlineData(451, KavenegarRefusal.TryLater)]
    [InlineData(503, KavenegarRefusal.TryLater)]
    [InlineData(999, KavenegarRefusal.TryLater)]
    public void Each_Kavenegar_result_code_means_give_up_fix_the_account_or_try_later(int code, KavenegarRefusal expected) =>
        Assert.Equal(expected, KavenegarStatus.Explain(code).Refusal);

    [Theory]
    [InlineData(1, SmsDelivery.Pending)]
    [InlineData(5, SmsDelivery.Pending)]
    [InlineData(10, SmsDelivery.Delivered)]
    [InlineData(11, SmsDelivery.Failed)]
    [InlineData(14, SmsDelivery.Failed)]
    [InlineData(100, SmsDelivery.Unknown)]
    public void Kavenegar_message_statuses_map_to_delivery(int status, SmsDelivery expected) =>
        Assert.Equal(expected, KavenegarStatus.Delivery(status));

    [Fact]
    public void A_localid_is_18_digits_the_same_for_every_attempt_and_different_for_another_message()
    {
        var first = KavenegarSmsSender.LocalId("outbox-17-638700000000000000");

        Assert.Matches("^[0-9]{18}$", first);
        Assert.Equal(first, KavenegarSmsSender.LocalId("outbox-17-638700000000000000"));
        Assert.NotEqual(first, KavenegarSmsSender.LocalId("outbox-18-638700000000000000"));
        Assert.NotEqual(first, KavenegarSmsSender.LocalId("outbox-17-638700000000000001")); // another database's row 17
    }

    [Fact]
    public void Names_that_differ_only_in_Arabic_letters_spaces_and_half_spaces_are_the_same_person()
    {
        var result = CivilRegistryCheck.Compare(new RegistryPerson("علی", "موسوی کرمانی", "کریم"), "علي", "موسوي‌کرماني", "كريم");

        Assert.Equal((IdentityCheck.Confirmed, null), result);
    }

    [Fact]
    public void Each_differing_name_is_named_and_an_empty_registered_father_name_is_not_compared()
    {
        Assert.Equal((IdentityCheck.Differs, "FirstName,LastName"), CivilRegistryCheck.Compare(new RegistryPerson("زهرا", "کاظمی", ""), "زهره", "کاظم", "حسن"));
        Assert.Equal((IdentityCheck.Differs, "FatherName"), CivilRegistryCheck.Compare(new RegistryPerson("زهرا", "کاظمی", "حسن"), "زهرا", "کاظمی", null));
    }
}
