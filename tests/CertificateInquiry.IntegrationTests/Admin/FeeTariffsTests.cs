using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Admin.Tariffs;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>/admin/tariffs: the fee per Jalali year, and the pay page charging the changed amount.</summary>
public sealed class FeeTariffsTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private int CurrentYear => JalaliDate.YearOf(IranTime.Today(portal.Clock));

    private static string Invariant(int year) => year.ToString(CultureInfo.InvariantCulture);

    private Task<long> AmountAsync(int year) =>
        portal.WithDatabaseAsync(db => db.FeeTariffs.Where(t => t.JalaliYear == year).Select(t => t.AmountRials).SingleAsync());

    [Fact]
    public async Task The_list_shows_each_year_in_persian_digits_with_the_current_year_marked()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (response, page) = await HtmlPage.GetAsync(admin.Client, "/admin/tariffs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var current = page.QuerySelector($"[data-tariff='{Invariant(CurrentYear)}']")!;
        Assert.Contains(PersianText.ToPersianDigits(CurrentYear), current.QuerySelector("th")!.Text(), StringComparison.Ordinal);
        Assert.Contains("سال جاری", current.Text(), StringComparison.Ordinal);
        Assert.Matches("^[۰-۹٬]+$", current.QuerySelector("[data-amount]")!.Text());
        Assert.NotNull(current.QuerySelector($"a[href='/admin/tariffs/{Invariant(CurrentYear)}']"));
    }

    [Fact]
    public async Task A_changed_amount_typed_in_persian_digits_is_audited_and_charged_by_the_pay_page()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var year = CurrentYear;
        var before = await AmountAsync(year);
        var page = "/admin/tariffs/" + Invariant(year);

        var (response, list) = await SubmitAndFollowAsync(admin.Client, page, page,
            ("OriginalAmount", before.ToString(CultureInfo.InvariantCulture)), ("Amount", "۴٬۲۵۰٬۰۰۰ ریال"));
        var journey = new PaymentJourney(portal);
        var draft = await journey.CreateCompleteDraftAsync();
        var (_, pay) = await HtmlPage.GetAsync(journey.ClientFor(draft), $"/requests/{draft.Id}/pay");
        var entry = (await portal.AuditAsync(FeeTariffAdministration.SubjectType, Invariant(year))).Last();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TariffDone.Message(TariffDone.Changed), list.QuerySelector("[data-done]")!.Text());
        Assert.Equal("۴٬۲۵۰٬۰۰۰", list.QuerySelector($"[data-tariff='{Invariant(year)}'] [data-amount]")!.Text());
        Assert.Equal(4_250_000, await AmountAsync(year));
        Assert.Contains("۴٬۲۵۰٬۰۰۰ ریال", pay.QuerySelector("[data-fee]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("tariff.update", entry.Action);
        Assert.Equal((before.ToString(CultureInfo.InvariantCulture), "4250000"), (entry.FromStatus, entry.ToStatus));
        Assert.Contains("به ۴٬۲۵۰٬۰۰۰ ریال", entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", TariffInput.AmountRequired)]
    [InlineData("سه میلیون", TariffInput.AmountNotNumber)]
    [InlineData("3.5", TariffInput.AmountNotNumber)]
    [InlineData("۰", TariffInput.AmountZero)]
    [InlineData("99000000000", TariffInput.AmountTooLarge)]
    public async Task An_amount_that_is_not_a_positive_number_of_rials_is_refused_in_persian(string amount, string message)
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var year = CurrentYear + 1;
        var before = await AmountAsync(year);
        var page = "/admin/tariffs/" + Invariant(year);

        var (response, refused) = await Forms.SubmitAsync(admin.Client, page, page,
            ("OriginalAmount", before.ToString(CultureInfo.InvariantCulture)), ("Amount", amount));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Errors(refused)["Amount"]);
        Assert.Equal(amount, refused.QuerySelector("input[name=Amount]")!.GetAttribute("value") ?? "");
        Assert.Equal(before, await AmountAsync(year));
    }

    [Fact]
    public async Task A_change_made_meanwhile_by_another_admin_is_not_overwritten()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var year = CurrentYear + 1;
        var page = "/admin/tariffs/" + Invariant(year);
        var (_, form) = await HtmlPage.GetAsync(admin.Client, page);
        var shown = form.QuerySelector("input[name=OriginalAmount]")!.GetAttribute("value")!;
        await portal.WithDatabaseAsync(db => db.FeeTariffs.Where(t => t.JalaliYear == year)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.AmountRials, 7_777_000)));

        var (response, conflict) = await Forms.SubmitAsync(admin.Client, page, page, ("OriginalAmount", shown), ("Amount", "5000000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("در این فاصله", Errors(conflict)["Amount"], StringComparison.Ordinal);
        Assert.Contains("۷٬۷۷۷٬۰۰۰ ریال", conflict.QuerySelector("[data-current-tariff]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("5000000", conflict.QuerySelector("input[name=Amount]")!.GetAttribute("value"));
        Assert.Equal("7777000", conflict.QuerySelector("input[name=OriginalAmount]")!.GetAttribute("value"));
        Assert.Equal(7_777_000, await AmountAsync(year));
    }

    [Fact]
    public async Task A_new_year_is_added_once_and_past_or_malformed_years_are_refused()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var year = CurrentYear + 3;

        var (_, added) = await SubmitAndFollowAsync(admin.Client, "/admin/tariffs/new", "/admin/tariffs/new",
            ("JalaliYear", PersianText.ToPersianDigits(year)), ("Amount", "5,400,000"));
        var (_, again) = await Forms.SubmitAsync(admin.Client, "/admin/tariffs/new", "/admin/tariffs/new",
            ("JalaliYear", Invariant(year)), ("Amount", "6000000"));
        var (_, past) = await Forms.SubmitAsync(admin.Client, "/admin/tariffs/new", "/admin/tariffs/new",
            ("JalaliYear", Invariant(CurrentYear - 5)), ("Amount", "1000000"));
        var (_, malformed) = await Forms.SubmitAsync(admin.Client, "/admin/tariffs/new", "/admin/tariffs/new",
            ("JalaliYear", "2027"), ("Amount", ""));

        Assert.Equal(TariffDone.Message(TariffDone.Added), added.QuerySelector("[data-done]")!.Text());
        Assert.Equal("۵٬۴۰۰٬۰۰۰", added.QuerySelector($"[data-tariff='{Invariant(year)}'] [data-amount]")!.Text());
        Assert.Equal(FeeTariffAdministration.ExistsMessage(year), Errors(again)["JalaliYear"]);
        Assert.Equal(5_400_000, await AmountAsync(year));
        Assert.Contains("سال‌های گذشته", Errors(past)["JalaliYear"], StringComparison.Ordinal);
        Assert.Equal(TariffInput.YearNotJalali, Errors(malformed)["JalaliYear"]);
        Assert.Equal(TariffInput.AmountRequired, Errors(malformed)["Amount"]);
        var entry = Assert.Single(await portal.AuditAsync(FeeTariffAdministration.SubjectType, Invariant(year)));
        Assert.Equal(("tariff.create", "5400000"), (entry.Action, entry.ToStatus));
    }

    [Fact]
    public async Task An_unknown_year_is_not_found()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/admin/tariffs/1300")).StatusCode);
    }
}
