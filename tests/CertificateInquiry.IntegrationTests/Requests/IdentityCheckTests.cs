using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Notifications;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Hosting;
using CertificateInquiry.Web.Infrastructure.IdentityChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Shahkar before the one-time code and the civil registry after submission, through the fake Finnotech: a number
/// that is not the applicant's gets no code and a plain Persian reason, Shahkar being away lets the code go and tells
/// staff, and the registry's answer (confirmed, the fields that differ, no one, unavailable) lands on the request.
/// </summary>
public sealed class IdentityCheckTests : IAsyncLifetime
{
    private WebApplication fakes = null!;
    private IdentityPortal portal = null!;

    private FakeFinnotech Finnotech => fakes.Services.GetRequiredService<FakeFinnotech>();

    public async Task InitializeAsync()
    {
        fakes = await FakeProviderServer.StartAsync();
        portal = new IdentityPortal(FakeFinnotech.PortalSettings(FakeProviderServer.Address(fakes)));
        _ = portal.Server;

        // The hosted check's first pass (at start-up, then hourly) claims its job lease first (ADR-038): let it end
        // before a test submits, or it may take the test's request from the passes the test runs itself.
        await Poll.UntilAsync(
            () => portal.Services.GetRequiredService<JobLeases>().FindAsync("civil-registry-check", CancellationToken.None),
            lease => lease is not null && lease.LeasedUntilUtc > DateTime.UtcNow.AddMinutes(30),
            "the hosted registry check's start-up pass ended");
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fakes.DisposeAsync();
    }

    private Task<InquiryRequest> DraftAsync(string mobile, string nationalCode) => portal.WithDatabaseAsync(async db =>
    {
        var request = await TestRequests.CreateDraftAsync(db, mobile);
        request.NationalCode = nationalCode;
        await db.SaveChangesAsync();
        return request;
    });

    private Task<SendCodeResult> SendCodeAsync(InquiryRequest request) =>
        portal.WithServicesAsync(services => services.GetRequiredService<PhoneVerificationService>().SendCodeAsync(request, CancellationToken.None));

    private Task<InquiryRequest> StoredAsync(long id) => portal.WithDatabaseAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>A submitted request of a holder born on 1362/07/01 with these names.</summary>
    private Task<long> SubmittedAsync(string nationalCode, string firstName, string lastName, string? fatherName) => portal.WithDatabaseAsync(async db =>
    {
        var request = await TestRequests.CreateSubmittedAsync(db);
        (request.NationalCode, request.FirstName, request.LastName, request.FatherName, request.BirthDate) =
            (nationalCode, firstName, lastName, fatherName, CertificateInquiry.Web.Infrastructure.Persian.JalaliDate.Create(1362, 7, 1));
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<int> CheckRegistryAsync() => portal.Services.GetRequiredService<CivilRegistryCheck>().CheckDueAsync(CancellationToken.None);

    [Fact]
    public async Task A_mobile_Shahkar_confirms_gets_its_code_and_the_request_says_so()
    {
        Finnotech.RegisterMobile("09121110001", "0012345679");
        var request = await DraftAsync("09121110001", "0012345679");

        var result = await SendCodeAsync(request);

        Assert.IsType<SendCodeResult.Sent>(result);
        Assert.NotNull(portal.Messages.LastCodeSentTo("09121110001"));
        Assert.Equal(MobileOwnership.Confirmed, (await StoredAsync(request.Id)).MobileOwnership);
    }

    [Fact]
    public async Task A_mobile_that_is_not_the_applicants_gets_no_code_and_still_counts_against_the_caps()
    {
        Finnotech.RegisterMobile("09121110002", "0023456787"); // someone else's
        var request = await DraftAsync("09121110002", "0012345679");

        var result = await SendCodeAsync(request);

        Assert.IsType<SendCodeResult.NotTheHoldersMobile>(result);
        Assert.Null(portal.Messages.LastSmsTo("09121110002"));
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.SmsCodeSends.CountAsync(s => s.Mobile == "09121110002")));
        Assert.Contains("شاهکار", PhoneConfirmationController.SendRefusal(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_form_the_applicant_is_told_beside_the_number_and_can_give_another()
    {
        Finnotech.RegisterMobile("09121110008", "0023456787"); // someone else's
        Finnotech.RegisterMobile("09121110009", "0084575948");
        var client = portal.CreateClient();
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");

        (string, string)[] Applicant(string mobile) =>
        [
            ("RequesterKind", "Holder"), ("NationalCode", "0084575948"), ("FirstName", "حسین"), ("LastName", "محمدی"),
            ("FatherName", "رضا"), ("BirthDate", "1362/07/01"), ("Gender", "Male"), ("Mobile", mobile), ("Email", ""),
        ];
        var (refused, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", Applicant("09121110008"));

        Assert.Equal("/requests/form/applicant", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(PhoneConfirmationController.NotTheHoldersMobileText, page.QuerySelector("#Mobile-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(portal.Messages.LastSmsTo("09121110008"));

        var (accepted, _) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", Applicant("09121110009"));
        Assert.Equal("/requests/form/mobile", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(portal.Messages.LastCodeSentTo("09121110009"));
    }

    [Fact]
    public async Task When_Shahkar_is_down_the_code_still_goes_and_staff_are_told_the_mobile_is_not_confirmed()
    {
        var request = await DraftAsync("09121110003", "0012345679");
        Finnotech.Down = true;

        var result = await SendCodeAsync(request);

        Assert.IsType<SendCodeResult.Sent>(result);
        Assert.Equal(MobileOwnership.NotConfirmed, (await StoredAsync(request.Id)).MobileOwnership);
        Assert.Equal("Degraded", await portal.CreateClient().GetStringAsync("/health"));
    }

    [Fact]
    public async Task An_organizations_contact_number_is_not_asked_about()
    {
        var request = await DraftAsync("09121110004", "0012345679");
        await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RequesterKind, RequesterKind.Organization)));
        request.RequesterKind = RequesterKind.Organization;
        var calls = Finnotech.ShahkarCalls;

        Assert.IsType<SendCodeResult.Sent>(await SendCodeAsync(request));
        Assert.Equal(calls, Finnotech.ShahkarCalls);
    }

    [Fact]
    public async Task A_foreign_nationals_mobile_is_not_asked_about_and_the_code_goes_out()
    {
        Finnotech.RegisterMobile("09121110010", "0023456787"); // Shahkar would say it is someone else's
        var request = await DraftAsync("09121110010", "500123456781");
        await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Nationality, "AF")));
        request.Nationality = "AF";
        var calls = Finnotech.ShahkarCalls;

        Assert.IsType<SendCodeResult.Sent>(await SendCodeAsync(request));
        Assert.Equal(calls, Finnotech.ShahkarCalls);
        Assert.Equal(MobileOwnership.NotChecked, (await StoredAsync(request.Id)).MobileOwnership);
        Assert.NotNull(portal.Messages.LastCodeSentTo("09121110010"));
    }

    [Theory]
    [InlineData("IQ")]
    [InlineData(null)] // a row of an agency's paper letter: a 12-digit identifier without a nationality
    public async Task The_registry_is_not_asked_about_a_foreign_national(string? nationality)
    {
        var id = await SubmittedAsync(nationality is null ? "600345678904" : "600345678903", "حیدر", "الموسوی", "جاسم");
        await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Nationality, nationality)));
        var calls = Finnotech.RegistryCalls;

        await CheckRegistryAsync();

        var stored = await StoredAsync(id);
        Assert.Equal((IdentityCheck.NotChecked, 0), (stored.IdentityCheck, stored.IdentityCheckAttempts));
        Assert.Equal(calls, Finnotech.RegistryCalls);
    }

    [Fact]
    public async Task The_registry_confirms_an_identity_whose_names_differ_only_in_Arabic_letters_and_spacing()
    {
        Finnotech.AddPerson("0034567895", "1362/07/01", "علی", "موسوی کرمانی", "کریم");
        var id = await SubmittedAsync("0034567895", "علي", "موسوي‌کرماني", "كريم");

        await CheckRegistryAsync();

        var stored = await StoredAsync(id);
        Assert.Equal(IdentityCheck.Confirmed, stored.IdentityCheck);
        Assert.Null(stored.IdentityDifferences);
    }

    [Fact]
    public async Task Each_field_the_registry_holds_differently_is_named_and_the_request_goes_on()
    {
        Finnotech.AddPerson("0045678911", "1362/07/01", "رضا", "کاظمی", "حسن");
        var id = await SubmittedAsync("0045678911", "رضا", "کاظمی‌نژاد", "حسین");

        await CheckRegistryAsync();

        var stored = await StoredAsync(id);
        Assert.Equal(IdentityCheck.Differs, stored.IdentityCheck);
        Assert.Equal("LastName,FatherName", stored.IdentityDifferences);
        Assert.Equal(RequestStatus.Submitted, stored.Status);
    }

    [Fact]
    public async Task Two_servers_checking_at_once_write_each_request_once()
    {
        Finnotech.AddPerson("0012345679", "1362/07/01", "پرویز", "صادقی", "");
        var id = await SubmittedAsync("0012345679", "پرویز", "صادقی", null);
        Finnotech.Delay = TimeSpan.FromMilliseconds(300); // both passes read the request before either writes

        var written = await Task.WhenAll(CheckRegistryAsync(), new CivilRegistryCheckOf(portal).CheckDueAsync());

        Assert.Equal(1, written.Sum());
        var stored = await StoredAsync(id);
        Assert.Equal(IdentityCheck.Confirmed, stored.IdentityCheck);
        Assert.Equal(1, stored.IdentityCheckAttempts);
    }

    [Fact]
    public async Task A_national_code_and_birth_date_the_registry_does_not_hold_is_reported_as_not_found()
    {
        var id = await SubmittedAsync("0056789122", "سارا", "نوری", null);

        await CheckRegistryAsync();

        Assert.Equal(IdentityCheck.NotFound, (await StoredAsync(id)).IdentityCheck);
    }

    [Fact]
    public async Task A_registry_that_does_not_answer_is_asked_again_and_after_the_last_try_staff_see_it_unavailable()
    {
        var id = await SubmittedAsync("0067891233", "مینا", "رحیمی", null);
        Finnotech.Down = true;

        await CheckRegistryAsync();
        var first = await StoredAsync(id);
        Assert.Equal(IdentityCheck.NotChecked, first.IdentityCheck);
        Assert.Equal(1, first.IdentityCheckAttempts);

        await CheckRegistryAsync(); // RegistryMaxAttempts is 2 here
        Assert.Equal(IdentityCheck.Unavailable, (await StoredAsync(id)).IdentityCheck);
    }

    [Fact]
    public async Task The_registry_answer_for_a_person_is_kept_for_a_day_and_an_expired_token_is_fetched_again()
    {
        Finnotech.AddPerson("0023456787", "1362/07/01", "نرگس", "جعفری", "");
        var first = await SubmittedAsync("0023456787", "نرگس", "جعفری", null);
        await CheckRegistryAsync();
        var calls = Finnotech.RegistryCalls;
        var second = await SubmittedAsync("0023456787", "نرگس", "جعفری", null);

        await CheckRegistryAsync();

        Assert.Equal(calls, Finnotech.RegistryCalls);
        Assert.Equal(IdentityCheck.Confirmed, (await StoredAsync(first)).IdentityCheck);
        Assert.Equal(IdentityCheck.Confirmed, (await StoredAsync(second)).IdentityCheck);

        var tokens = Finnotech.TokensIssued;
        Finnotech.ExpireTokens();
        Finnotech.RegisterMobile("09121110005", "0012345679");
        Assert.IsType<SendCodeResult.Sent>(await SendCodeAsync(await DraftAsync("09121110005", "0012345679")));
        Assert.Equal(tokens + 1, Finnotech.TokensIssued);
    }

    [Fact]
    public async Task Neither_the_client_secret_nor_a_national_code_nor_a_mobile_reaches_the_log()
    {
        Finnotech.RegisterMobile("09121110006", "0012345679");
        await SendCodeAsync(await DraftAsync("09121110006", "0012345679"));
        Finnotech.Down = true;
        await SendCodeAsync(await DraftAsync("09121110007", "0012345679"));

        Assert.True(portal.LogsContain("Finnotech"), "the test reads the portal's log");
        Assert.False(portal.LogsContain(FakeFinnotech.ClientSecret));
        Assert.False(portal.LogsContain("0012345679"));
        Assert.False(portal.LogsContain("09121110006"));
    }

    /// <summary>A second server's job: its own instance (and answer cache) on the same database and registry.</summary>
    private sealed class CivilRegistryCheckOf(IdentityPortal portal)
    {
        private readonly CivilRegistryCheck check = ActivatorUtilities.CreateInstance<CivilRegistryCheck>(portal.Services);

        public Task<int> CheckDueAsync() => check.CheckDueAsync(CancellationToken.None);
    }

    private sealed class IdentityPortal(IEnumerable<KeyValuePair<string, string>> fakeSettings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings
        {
            get
            {
                var settings = fakeSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
                settings["IdentityChecks:RegistryCheckInterval"] = "01:00:00"; // the tests run the passes
                settings["IdentityChecks:RegistryMaxAttempts"] = "2";
                settings["IdentityChecks:Finnotech:Timeout"] = "00:00:02";
                settings["Verification:CodeKey"] = "test-key-for-codes";
                settings["Serilog:MinimumLevel:Default"] = "Debug";
                settings["Serilog:MinimumLevel:Override:System"] = "Debug";
                settings["Serilog:MinimumLevel:Override:Microsoft"] = "Debug";
                return settings;
            }
        }
    }
}
