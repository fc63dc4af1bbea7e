using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Holders.ShareCodes;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertificateInquiry.IntegrationTests.Holders.HolderPortalFactory;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// Share codes from both sides: the holder makes, lists and revokes them; an employer types one at /share and sees the
/// full record. And as an attacker tries them: guessed, expired, revoked, another holder's, replayed forms, junk bytes.
/// </summary>
public sealed class ShareCodeTests(HolderPortalFactory factory) : IClassFixture<HolderPortalFactory>
{
    [Fact]
    public async Task A_code_for_all_certificates_shows_the_employer_the_full_records_counts_the_use_and_is_audited_under_the_holder()
    {
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(Holder);
        var code = await CreateAsync(holder, certificate: "", days: "30", recipient: "شرکت ساختمانی البرز");

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        var before = await portal.WithDatabaseAsync(async db => await db.InquiryAudit.MaxAsync(e => (long?)e.Id) ?? 0);

        // Typed as a person would: lower case, spaces instead of dashes.
        var page = await OpenAsync(portal.CreateClient(), code.ToLowerInvariant().Replace('-', ' '));

        var text = page.Body!.TextContent;
        Assert.Contains(FirstNumber, text, StringComparison.Ordinal);
        Assert.Contains(SecondNumber, text, StringComparison.Ordinal);
        Assert.Contains("حسن", text, StringComparison.Ordinal); // the father's name: the holder-confirmed tier
        Assert.Contains("مریم احمدی", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Holder, text, StringComparison.Ordinal);
        Assert.DoesNotContain("زندان", text, StringComparison.Ordinal);
        Assert.DoesNotContain("البرز", text, StringComparison.Ordinal); // the holder's note is theirs alone

        var stored = await portal.WithDatabaseAsync(db => db.ShareCodes.AsNoTracking().SingleAsync(c => c.Hint == code.Substring(code.Length - 4)));
        Assert.Equal(1, stored.UseCount);
        Assert.NotEqual(code.Replace("-", ""), stored.CodeHash);
        Assert.Equal(ShareCodeText.Hash(code.Replace("-", "")), stored.CodeHash);
        // This use's entry, once the audit writer has stored it: under the holder's hash (so "who checked me" finds
        // it), a match, naming no single certificate (the code opens them all) and no agency.
        var hash = portal.Services.GetRequiredService<InquiryAudit>().HashNationalCode(Holder);
        var entry = await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking()
                .Where(e => e.Id > before && e.Channel == InquiryChannel.ShareCode && e.NationalCodeHash == hash && e.CertificateId == null)
                .FirstOrDefaultAsync()),
            "the share code's use was not audited under the holder's hash");
        Assert.Equal(InquiryOutcome.Match, entry.Outcome);
        Assert.Null(entry.AgencyClientId);

        var (_, list) = await HtmlPage.GetAsync(holder, "/my/share-codes");
        var row = list.QuerySelector($"#code-{stored.Id}")!;
        Assert.Contains("۱", row.Text(), StringComparison.Ordinal);
        Assert.Contains("شرکت ساختمانی البرز", row.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(code[..4], list.Body!.TextContent, StringComparison.Ordinal); // shown once, at creation
    }

    [Fact]
    public async Task A_code_for_one_certificate_shows_only_that_one()
    {
        var portal = await factory.ReadyAsync();
        var code = await CreateAsync(portal.SignedInHolder(Holder), certificate: SecondNumber, days: "7");

        var text = (await OpenAsync(portal.CreateClient(), code)).Body!.TextContent;

        Assert.Contains(SecondNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstNumber, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_code_fails_at_its_next_use_with_the_same_answer_as_a_code_that_never_existed()
    {
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(Holder);
        var code = await CreateAsync(holder, certificate: FirstNumber, days: "30");
        Assert.Contains(FirstNumber, (await OpenAsync(portal.CreateClient(), code)).Body!.TextContent, StringComparison.Ordinal);
        var id = await portal.WithDatabaseAsync(db => db.ShareCodes.Where(c => c.Hint == code.Substring(code.Length - 4)).Select(c => c.Id).SingleAsync());

        // Another holder cannot revoke it (404), and it still works.
        using (var foreign = await Forms.PostWithTokenFromAsync(portal.SignedInHolder(OtherHolder), "/my/share-codes", $"/my/share-codes/{id}/revoke"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Contains(FirstNumber, (await OpenAsync(portal.CreateClient(), code)).Body!.TextContent, StringComparison.Ordinal);

        using (var revoke = await Forms.PostWithTokenFromAsync(holder, "/my/share-codes", $"/my/share-codes/{id}/revoke"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        var afterRevoke = await OpenAsync(portal.CreateClient(), code);
        var never = await OpenAsync(portal.CreateClient(), "ABCD-EFGH-JKMN");
        Assert.Contains("این کد اشتراک معتبر نیست", afterRevoke.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstNumber, afterRevoke.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(never.QuerySelector("#miss-title")!.Text(), afterRevoke.QuerySelector("#miss-title")!.Text());
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.ShareCodes.Where(c => c.Id == id).Select(c => c.UseCount).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var portal = await factory.ReadyAsync();
        var code = await CreateAsync(portal.SignedInHolder(Holder), certificate: FirstNumber, days: "1");
        await portal.WithDatabaseAsync(db => db.ShareCodes.Where(c => c.Hint == code.Substring(code.Length - 4))
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ExpiresAtUtc, DateTime.UtcNow.AddSeconds(-1))));

        Assert.Contains("این کد اشتراک معتبر نیست", (await OpenAsync(portal.CreateClient(), code)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_form_sent_twice_makes_one_code()
    {
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(PrisonHolder);
        var (_, form) = await HtmlPage.GetAsync(holder, "/my/share-codes");
        var fields = Fields(form, ("Certificate", ""), ("Days", "30"), ("Recipient", ""));

        using var first = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(fields));
        using var second = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("پیش‌تر فرستاده شده", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.ShareCodes.CountAsync(c => c.Person!.NationalCode == PrisonHolder)));
    }

    [Theory]
    [InlineData("", "Days", "مدت اعتبار")]
    [InlineData("91", "Days", "بین ۱ تا ۹۰")]
    [InlineData("0", "Days", "بین ۱ تا ۹۰")]
    [InlineData("ten", "Days", "بین ۱ تا ۹۰")]
    public async Task A_bad_period_is_refused_in_persian_and_makes_no_code(string days, string field, string message)
    {
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(OtherHolder);
        var (_, form) = await HtmlPage.GetAsync(holder, "/my/share-codes");

        using var response = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(Fields(form, ("Certificate", ""), ("Days", days))));
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.ShareCodes.CountAsync(c => c.Person!.NationalCode == OtherHolder)));
    }

    [Fact]
    public async Task A_code_for_someone_elses_certificate_is_refused_and_a_note_with_junk_is_made_too_long_or_cleaned()
    {
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(OtherHolder);
        var (_, form) = await HtmlPage.GetAsync(holder, "/my/share-codes");

        using var foreign = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(Fields(form, ("Certificate", FirstNumber), ("Days", "30"))));
        Assert.Contains("به نام شما ثبت نشده", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (_, form) = await HtmlPage.GetAsync(holder, "/my/share-codes");
        using var tooLong = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(Fields(form, ("Certificate", ""), ("Days", "30"), ("Recipient", new string('ب', 101)))));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("حداکثر ۱۰۰ نویسه", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.ShareCodes.CountAsync(c => c.Person!.NationalCode == OtherHolder)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_makes_no_code()
    {
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(OtherHolder);

        using var response = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(
            [new("Certificate", ""), new("Days", "30"), new("CreationKey", new string('a', 32))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.ShareCodes.CountAsync(c => c.Person!.NationalCode == OtherHolder)));
    }

    [Fact]
    public async Task A_holder_has_at_most_twenty_live_codes()
    {
        var portal = await factory.ReadyAsync();
        const string holderCode = "2280765438";
        var holder = portal.SignedInHolder(holderCode);
        for (var i = 0; i < HolderShareCodes.MaxLiveCodes; i++)
        {
            await CreateAsync(holder, certificate: "", days: "30");
        }

        var (_, form) = await HtmlPage.GetAsync(holder, "/my/share-codes");
        using var refused = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(Fields(form, ("Certificate", ""), ("Days", "30"))));

        Assert.Contains("کد فعال دارید", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HolderShareCodes.MaxLiveCodes, await portal.WithDatabaseAsync(db => db.ShareCodes.CountAsync(c => c.Person!.NationalCode == holderCode)));
    }

    [Theory]
    [InlineData("", "کد اشتراکی را که دارنده")]
    [InlineData("ABCD-EFGH", "دوازده نویسه")]
    [InlineData("ABCD-EFGH-JKM0", "دوازده نویسه")] // 0 is not in the alphabet
    [InlineData("' OR 1=1 --", "دوازده نویسه")]
    public async Task A_malformed_code_gets_a_persian_message_and_is_audited_as_refused(string code, string message)
    {
        var page = await OpenAsync(factory.CreateClient(), code);

        Assert.Contains(message, page.QuerySelector("#Code-error")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_byte_in_the_code_gets_the_portals_400_page_not_a_stack_trace()
    {
        using var response = await factory.CreateClient().PostAsync("/share", new FormUrlEncodedContent([new("Code", "ABCD\0EFGH-JKMN")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cross_site_post_to_share_is_refused()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/share") { Content = new FormUrlEncodedContent([new("Code", "ABCD-EFGH-JKMN")]) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_license_check_page_offers_the_share_code_form()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/licenses/check");

        Assert.NotNull(page.QuerySelector("form[action='/share'] input[name='Code']"));
    }

    internal static async Task<string> CreateAsync(HttpClient holder, string certificate, string days, string recipient = "")
    {
        var (_, form) = await HtmlPage.GetAsync(holder, "/my/share-codes");
        using var response = await holder.PostAsync("/my/share-codes", new FormUrlEncodedContent(
            Fields(form, ("Certificate", certificate), ("Days", days), ("Recipient", recipient))));
        var page = await HtmlPage.ParseAsync(response);
        return page.QuerySelector(".share-code strong")?.Text().Trim()
            ?? throw new InvalidOperationException("No code was made: " + page.QuerySelector(".error-summary, .field-validation-error")?.Text());
    }

    internal static async Task<IDocument> OpenAsync(HttpClient client, string code)
    {
        using var response = await client.PostAsync("/share", new FormUrlEncodedContent([new("Code", code)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ParseAsync(response);
    }

    private static List<KeyValuePair<string, string>> Fields(IDocument form, params (string Name, string Value)[] fields)
    {
        var creation = form.QuerySelector("form[action='/my/share-codes']")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        values.Add(new("CreationKey", creation.QuerySelector("input[name='CreationKey']")!.GetAttribute("value")!));
        values.Add(new("__RequestVerificationToken", creation.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!));
        return values;
    }
}
