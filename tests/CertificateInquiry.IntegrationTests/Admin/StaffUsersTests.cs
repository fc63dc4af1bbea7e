using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Admin.Users;
using CertificateInquiry.Web.Infrastructure.Identity;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>/admin/users: creating, listing, editing, and the refusals, through the real forms.</summary>
public sealed class StaffUsersTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    [Fact]
    public async Task A_generated_first_password_is_shown_once_and_signs_the_new_expert_in()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var email = portal.NewEmail("new.expert");

        var (response, created) = await Forms.SubmitAsync(admin.Client, "/admin/users/new", "/admin/users/new",
            ("Email", email), ("FullName", "علي رضايي"), ("Title", "کارشناس بایگانی"), ("Role", StaffRoles.ProvincialExpert),
            ("ProvinceId", AdminPortal.ProvinceId("اصفهان").ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PasswordChoice", PasswordChoice.Generate));
        var password = created.QuerySelector("[data-generated-password]")!.Text();
        var user = (await portal.WithUsersAsync(users => users.FindByEmailAsync(email)))!;
        var roles = await portal.WithUsersAsync(users => users.GetRolesAsync(user));
        var (userPageResponse, userPage) = await HtmlPage.GetAsync(admin.Client, $"/admin/users/{user.Id}");
        var (signIn, _) = await portal.OpenBrowser().SignInAsync(email, password);
        var audit = await portal.AuditAsync(StaffUserAdministration.SubjectType, user.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ساخته شد", created.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.Matches("^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$", password);
        Assert.Equal("علی رضایی", user.FullName); // Arabic ي normalized
        Assert.Equal(AdminPortal.ProvinceId("اصفهان"), user.ProvinceId);
        Assert.Equal([StaffRoles.ProvincialExpert], roles);
        Assert.Equal(HttpStatusCode.OK, userPageResponse.StatusCode);
        Assert.DoesNotContain(password, userPage.Body!.OuterHtml, StringComparison.Ordinal); // shown once only
        Assert.Equal("/admin/account/password", Location(signIn)); // a first password is replaced at once
        var entry = Assert.Single(audit);
        Assert.Equal("user.create", entry.Action);
        Assert.Equal(StaffRoles.ProvincialExpert, entry.ToStatus);
        Assert.Equal(user.ProvinceId, entry.ProvinceId);
        Assert.Contains("کارشناس استانی", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_password_creates_a_national_admin_without_a_province()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var email = portal.NewEmail("second.admin");

        var (_, created) = await Forms.SubmitAsync(admin.Client, "/admin/users/new", "/admin/users/new",
            ("Email", email), ("FullName", "مینا کاظمی"), ("Role", StaffRoles.NationalAdmin), ("ProvinceId", "8"),
            ("PasswordChoice", PasswordChoice.Type), ("Password", "a typed first passphrase"));
        var user = (await portal.WithUsersAsync(users => users.FindByEmailAsync(email)))!;
        var (signIn, _) = await portal.OpenBrowser().SignInAsync(email, "a typed first passphrase");

        Assert.Null(created.QuerySelector("[data-generated-password]"));
        Assert.Contains("ورود دومرحله‌ای", created.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Null(user.ProvinceId); // a province left selected means nothing for a national admin
        Assert.Equal("/admin/account/password", Location(signIn)); // the first password first, then the authenticator app
    }

    [Fact]
    public async Task The_create_form_names_each_problem_in_persian_and_creates_nothing()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var taken = portal.NewEmail("taken");
        await portal.CreateUserAsync(taken, StaffRoles.ProvincialExpert, "قم");

        var (emptyResponse, empty) = await Forms.SubmitAsync(admin.Client, "/admin/users/new", "/admin/users/new",
            ("Email", ""), ("FullName", ""), ("Role", ""), ("PasswordChoice", PasswordChoice.Type), ("Password", ""));
        var (_, wrong) = await Forms.SubmitAsync(admin.Client, "/admin/users/new", "/admin/users/new",
            ("Email", "not-an-address"), ("FullName", "رضا ۱۲"), ("Role", StaffRoles.ProvincialManager), ("ProvinceId", ""),
            ("PasswordChoice", PasswordChoice.Type), ("Password", "too short"));
        var (_, duplicate) = await Forms.SubmitAsync(admin.Client, "/admin/users/new", "/admin/users/new",
            ("Email", taken.ToUpperInvariant()), ("FullName", "رضا کریمی"), ("Role", StaffRoles.ProvincialExpert), ("ProvinceId", "19"),
            ("PasswordChoice", PasswordChoice.Generate));

        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.StartsWith("خطا: ", empty.Title, StringComparison.Ordinal);
        var emptyErrors = Errors(empty);
        Assert.Equal(NewStaffUserInputValidator.EmailRequired, emptyErrors["Email"]);
        Assert.Equal("نام و نام خانوادگی را وارد کنید.", emptyErrors["FullName"]);
        Assert.Equal("نقش را انتخاب کنید.", emptyErrors["Role"]);
        Assert.Equal(NewStaffUserInputValidator.PasswordRequired, emptyErrors["Password"]);

        var wrongErrors = Errors(wrong);
        Assert.Equal(NewStaffUserInputValidator.EmailInvalid, wrongErrors["Email"]);
        Assert.Equal("نام و نام خانوادگی نباید رقم داشته باشد.", wrongErrors["FullName"]);
        Assert.Equal("برای مدیر یا کارشناس استانی، استان را انتخاب کنید.", wrongErrors["ProvinceId"]);
        Assert.Equal(NewStaffUserInputValidator.PasswordTooShort, wrongErrors["Password"]);
        Assert.True(string.IsNullOrEmpty(wrong.QuerySelector("input[name=Password]")!.GetAttribute("value")));
        Assert.Equal("not-an-address", wrong.QuerySelector("input[name=Email]")!.GetAttribute("value"));

        Assert.Equal("کاربری با این ایمیل پیش‌تر ثبت شده است.", Errors(duplicate)["Email"]);
        Assert.Null(await portal.WithUsersAsync(users => users.FindByEmailAsync("not-an-address")));
    }

    [Fact]
    public async Task The_list_filters_by_province_and_role_and_finds_names_typed_with_arabic_letters()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var kermanExpert = portal.NewEmail("kerman.expert");
        var kermanManager = portal.NewEmail("kerman.manager");
        var yazdExpert = portal.NewEmail("yazd.expert");
        await portal.CreateUserAsync(kermanExpert, StaffRoles.ProvincialExpert, "کرمان", name: "کیوان یکتا");
        await portal.CreateUserAsync(kermanManager, StaffRoles.ProvincialManager, "کرمان", name: "نرگس کرمانی");
        await portal.CreateUserAsync(yazdExpert, StaffRoles.ProvincialExpert, "یزد", name: "یاسر یزدی");
        var kerman = AdminPortal.ProvinceId("کرمان");

        var (_, byProvince) = await HtmlPage.GetAsync(admin.Client, $"/admin/users?province={kerman}");
        var (_, byRole) = await HtmlPage.GetAsync(admin.Client, $"/admin/users?province={kerman}&role=ProvincialManager");
        var (_, byName) = await HtmlPage.GetAsync(admin.Client, "/admin/users?q=" + Uri.EscapeDataString("كيوان")); // Arabic ك and ي
        var (_, byEmail) = await HtmlPage.GetAsync(admin.Client, "/admin/users?q=YAZD.EXPERT");

        static List<string> Listed(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("[data-users] tr[data-user]").Select(row => row.GetAttribute("data-user")!).ToList();

        Assert.Equal([kermanExpert, kermanManager], Listed(byProvince).Order().ToList());
        Assert.Equal([kermanManager], Listed(byRole));
        Assert.Equal([kermanExpert], Listed(byName));
        Assert.Equal([yazdExpert], Listed(byEmail));
        Assert.Contains("۱ کاربر", byRole.QuerySelector("[data-user-count]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("ProvincialManager", byRole.QuerySelector("select[name=role] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changing_role_province_and_title_is_saved_audited_and_renews_the_security_stamp()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var user = await portal.CreateUserAsync(portal.NewEmail("moving"), StaffRoles.ProvincialExpert, "تهران", name: "حمید رنجبر");
        var page = $"/admin/users/{user.Id}";

        var (response, saved) = await SubmitAndFollowAsync(admin.Client, page, page,
            ("ConcurrencyStamp", user.ConcurrencyStamp!), ("FullName", "حمید رنجبر"), ("Title", "مدیر کل"),
            ("Role", StaffRoles.ProvincialManager), ("ProvinceId", AdminPortal.ProvinceId("اصفهان").ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var changed = (await portal.WithUsersAsync(users => users.FindByIdAsync(user.Id)))!;
        var roles = await portal.WithUsersAsync(users => users.GetRolesAsync(changed));
        var entry = Assert.Single(await portal.AuditAsync(StaffUserAdministration.SubjectType, user.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StaffUserDone.Message(StaffUserDone.Saved), saved.QuerySelector("[data-done]")!.Text());
        Assert.Contains("مدیر استانی", saved.QuerySelector("[data-account]")!.Text(), StringComparison.Ordinal);
        Assert.Equal([StaffRoles.ProvincialManager], roles);
        Assert.Equal(AdminPortal.ProvinceId("اصفهان"), changed.ProvinceId);
        Assert.Equal("مدیر کل", changed.Title);
        Assert.NotEqual(user.SecurityStamp, changed.SecurityStamp);
        Assert.Equal("user.update", entry.Action);
        Assert.Equal((StaffRoles.ProvincialExpert, StaffRoles.ProvincialManager), (entry.FromStatus, entry.ToStatus));
        Assert.Contains("استان از «تهران» به «اصفهان»", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_meanwhile_is_not_overwritten_and_what_was_typed_is_kept()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var user = await portal.CreateUserAsync(portal.NewEmail("contested"), StaffRoles.ProvincialExpert, "گیلان", name: "لیلا امینی");
        var page = $"/admin/users/{user.Id}";
        var (_, form) = await HtmlPage.GetAsync(admin.Client, page);
        var stamp = form.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        await portal.WithUsersAsync(async users =>
        {
            var other = (await users.FindByIdAsync(user.Id))!;
            other.Title = "تغییر هم‌زمان";
            return await users.UpdateAsync(other);
        });

        var (response, conflict) = await Forms.SubmitAsync(admin.Client, page, page,
            ("ConcurrencyStamp", stamp), ("FullName", "لیلا امینی"), ("Title", "آنچه من نوشتم"),
            ("Role", StaffRoles.ProvincialExpert), ("ProvinceId", AdminPortal.ProvinceId("گیلان").ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var title = (await portal.WithUsersAsync(users => users.FindByIdAsync(user.Id)))!.Title;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StaffUserAdministration.ChangedMeanwhile, Errors(conflict)[""]);
        Assert.Equal("آنچه من نوشتم", conflict.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Contains("تغییر هم‌زمان", conflict.QuerySelector("[data-account]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("تغییر هم‌زمان", title);
        Assert.Empty(await portal.AuditAsync(StaffUserAdministration.SubjectType, user.Id));
    }

    [Fact]
    public async Task An_admin_can_neither_lock_nor_demote_themselves()
    {
        var (admin, self) = await portal.SignInNationalAdminAsync();
        var page = $"/admin/users/{self.Id}";
        var (_, own) = await HtmlPage.GetAsync(admin.Client, page);
        var stamp = own.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;

        var locked = await Forms.PostWithTokenFromAsync(admin.Client, page, page + "/lock");
        var (_, demoted) = await Forms.SubmitAsync(admin.Client, page, page,
            ("ConcurrencyStamp", stamp), ("FullName", "سارا نوری"), ("Title", ""), ("Role", StaffRoles.ProvincialExpert), ("ProvinceId", "8"));
        var after = (await portal.WithUsersAsync(users => users.FindByIdAsync(self.Id)))!;
        var roles = await portal.WithUsersAsync(users => users.GetRolesAsync(after));

        Assert.Null(own.QuerySelector($"form[action='{page}/lock']"));
        Assert.Contains(StaffUserAdministration.CannotLockSelf, (await HtmlPage.ParseAsync(locked)).QuerySelector("[data-error-summary]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(StaffUserAdministration.CannotDemoteSelf, Errors(demoted)[""]); // the page has no role field to link to
        Assert.True(after.IsActive);
        Assert.Equal([StaffRoles.NationalAdmin], roles);
        Assert.Empty(await portal.AuditAsync(StaffUserAdministration.SubjectType, self.Id));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var response = await admin.Client.GetAsync("/admin/users/" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
