using System.Net;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Staff.PaperLetters;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;
using static CertificateInquiry.IntegrationTests.PaperLetters.PaperLetterPages;

namespace CertificateInquiry.IntegrationTests.PaperLetters;

/// <summary>
/// An expert registers an agency's paper letter with its list: found rows are answered at once, the others become
/// fee-free pre-1392 requests of the province; bad input changes nothing; a letter is registered once.
/// </summary>
public sealed class PaperLetterRegistrationTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [Fact]
    public async Task Found_rows_are_answered_at_once_and_the_others_become_fee_free_requests_of_the_province_filed_for_the_agency()
    {
        var (code, number) = await SeedCertificateAsync(portal);
        var missing = Requests.TrackedRequests.NewNationalCode();
        var expert = await portal.SignedInAsync(TehranExpert);
        var letterNumber = NewLetterNumber();

        // Persian digits and an Arabic yeh, a tab-separated row as pasted from a spreadsheet, the template's header.
        var rows = "row_id,national_code,certificate_number,first_name,last_name\n"
            + $"الف-1، {Persian(code)}، {number}، مريم، صادقی\n"
            + $"الف-2\t{missing}\t1380-01-000001\t\t\n";
        var (response, _) = await RegisterAsync(expert, Letter(letterNumber, rows));

        var id = LetterId(response);
        Assert.EndsWith("?done=registered", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var letter = await LetterAsync(portal, id);
        var tehran = portal.User(TehranExpert).ProvinceId;
        Assert.Equal((tehran, null, "اداره کل آموزش و پرورش شهر تهران", letterNumber, InquiryPurpose.Employment),
            ((int?)letter.ProvinceId, letter.AgencyClientId, letter.AgencyName, letter.AgencyLetterNumber, letter.Purpose));
        var found = letter.Rows.Single(r => r.RowNumber == 1);
        Assert.Equal((PaperRowOutcome.Verified, "الف-1", code, number, "valid", "match", "match"),
            (found.Outcome, found.RowId, found.NationalCode, found.FoundCertificateNumber, found.CertificateStatus, found.FirstNameMatch, found.LastNameMatch));
        Assert.NotNull(found.AnsweredAtUtc);
        Assert.Null(found.RequestId);

        var referred = letter.Rows.Single(r => r.RowNumber == 2);
        Assert.Equal(PaperRowOutcome.Referred, referred.Outcome);
        Assert.Null(referred.AnsweredAtUtc);
        var request = await portal.WithDatabaseAsync(db => db.Requests.AsNoTracking().Include(r => r.Payments).Include(r => r.Transitions)
            .SingleAsync(r => r.Id == referred.RequestId));
        Assert.Equal((RequestStatus.Submitted, tehran, RequesterKind.Organization, "اداره کل آموزش و پرورش شهر تهران", letterNumber, (long?)id),
            (request.Status, request.ProvinceId, request.RequesterKind, request.OrganizationName, request.OrganizationLetterNumber, request.PaperLetterId));
        Assert.Equal((missing, "1380-01-000001", null, null), (request.NationalCode, request.CertificateNumber, request.Mobile, request.Email));
        Assert.True(TrackingCode.IsWellFormed(request.TrackingCode));
        Assert.Empty(request.Payments); // no fee
        Assert.Equal(portal.User(TehranExpert).Id, request.Transitions.Single().Actor);
        Assert.Equal(0, await portal.OutboxCountAsync(request.Id)); // no SMS, no email: there is no applicant to tell

        // The letter's page shows both findings and links the request; the case page links back to the letter.
        var page = await OpenAsync(expert, PaperLettersController.LetterPath(id));
        Assert.Contains(number, page.QuerySelector("[data-row='1']")!.Text(), StringComparison.Ordinal);
        Assert.Equal("/admin/requests/" + request.Id, page.QuerySelector("[data-row='2'] a[data-row-request]")!.GetAttribute("href"));
        Assert.Contains("۱ از ۲ ردیف", page.QuerySelector("[data-progress]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(nameof(PaperLetterStatus.Open), page.QuerySelector("[data-letter-status]")!.GetAttribute("data-letter-status"));
        var casePage = await CasePages.OpenAsync(expert, request.Id);
        Assert.Equal(PaperLettersController.LetterPath(id), casePage.QuerySelector("[data-paper-letter] a")!.GetAttribute("href"));
        var queue = await OpenAsync(expert, "/admin/requests");
        Assert.NotNull(queue.QuerySelector($"[data-request-id='{request.Id}']"));

        var audit = await portal.WithDatabaseAsync(db => db.StaffAudit.AsNoTracking().Where(e => e.SubjectType == "PaperLetter" && e.SubjectId == id.ToString()).ToListAsync());
        Assert.Equal([PaperLetterRegistration.RegisterAction], audit.Select(e => e.Action));
    }

    [Fact]
    public async Task Every_row_is_in_the_inquiry_audit_with_purpose_the_agencys_letter_number_and_the_staff_member_never_the_national_code()
    {
        var (code, number) = await SeedCertificateAsync(portal);
        var expert = await portal.SignedInAsync(TehranExpert);
        var letterNumber = NewLetterNumber();
        var rows = $"1,{code},{number}\n2,{Requests.TrackedRequests.NewNationalCode()},1380-01-000002\n3,123,1380-01-000003";

        var (response, _) = await RegisterAsync(expert, Letter(letterNumber, rows, purpose: "judicial", more: ("AcceptInvalidRows", "true")));

        var id = LetterId(response);
        var entries = await CertificateInquiry.TestSupport.Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().Where(e => e.Channel == InquiryChannel.PaperLetter && e.CaseReference == letterNumber).OrderBy(e => e.Id).ToListAsync()),
            found => found.Count >= 3,
            "the paper letter's rows were not audited");
        Assert.Equal([InquiryOutcome.Match, InquiryOutcome.Miss, InquiryOutcome.Invalid], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal((null, InquiryPurpose.Judicial, portal.User(TehranExpert).Id), (e.AgencyClientId, e.Purpose, e.OfficerId)));
        Assert.Equal([$"paper-{id}-1", $"paper-{id}-2", $"paper-{id}-3"], entries.Select(e => e.InquiryId));
        Assert.NotNull(entries[0].CertificateId);
        Assert.NotNull(entries[0].NationalCodeHash);
        Assert.DoesNotContain(entries, e => e.NationalCodeHash == code);
        Assert.Null(entries[2].NationalCodeHash);
    }

    [Fact]
    public async Task A_form_with_mistakes_is_refused_in_Persian_and_saves_nothing()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var before = await portal.WithDatabaseAsync(db => db.PaperLetters.CountAsync());

        var (response, page) = await RegisterAsync(expert,
            ("AgencyName", ""), ("AgencyLetterNumber", new string('۱', 65)), ("AgencyLetterDate", "1405/13/40"), ("Purpose", "spying"), ("Rows", " \n "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        var summary = ErrorSummary(page);
        Assert.Contains(RegisterLetterInputValidator.AgencyRequired, summary, StringComparison.Ordinal);
        Assert.Contains("شماره نامه حداکثر ۶۴ نویسه است.", summary, StringComparison.Ordinal);
        Assert.Contains(RegisterLetterInputValidator.LetterDateFormat, summary, StringComparison.Ordinal);
        Assert.Contains(RegisterLetterInputValidator.PurposeRequired, summary, StringComparison.Ordinal);
        Assert.Contains(RegisterLetterInputValidator.RowsRequired, summary, StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.PaperLetters.CountAsync()));

        // A control character (NUL) in any field is refused before the form is read, by the portal's own rule.
        var (nul, _) = await RegisterAsync(expert, Letter("12\0/34", "1,0012345679,1380-01-1"));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);

        // A list longer than a letter holds.
        var many = string.Join('\n', Enumerable.Range(1, PaperLetter.MaxRows + 1).Select(i => $"{i},0012345679,1380-01-{i}"));
        var (tooMany, tooManyPage) = await RegisterAsync(expert, Letter(NewLetterNumber(), many));
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains(PaperLetterRegistration.TooManyRows, ErrorSummary(tooManyPage), StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.PaperLetters.CountAsync()));
    }

    [Fact]
    public async Task Rows_that_cannot_be_read_are_listed_with_their_reasons_and_registered_only_once_the_expert_confirms()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var letterNumber = NewLetterNumber();
        var good = Requests.TrackedRequests.NewNationalCode();
        var rows = $"1,{good},1380-01-000010\n2,0012345678,1380-01-000011\n3,{good},1380-01-000010\n4,{good}\n5,{good},x,y,z,extra";

        var (first, page) = await RegisterAsync(expert, Letter(letterNumber, rows));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(PaperLettersController.RowsMessage(4), ErrorSummary(page), StringComparison.Ordinal);
        Assert.Contains("کد ملی", page.QuerySelector("[data-invalid-row='2']")!.Text(), StringComparison.Ordinal);
        Assert.Contains("تکرار ردیف ۱", page.QuerySelector("[data-invalid-row='3']")!.Text(), StringComparison.Ordinal);
        Assert.Contains("شماره گواهینامه را وارد کنید", page.QuerySelector("[data-invalid-row='4']")!.Text(), StringComparison.Ordinal);
        Assert.Contains("بیش از پنج ستون", page.QuerySelector("[data-invalid-row='5']")!.Text(), StringComparison.Ordinal);
        Assert.Equal(rows, page.QuerySelector("textarea#Rows")!.TextContent.TrimStart('\n'));
        Assert.False(await portal.WithDatabaseAsync(db => db.PaperLetters.AnyAsync(l => l.AgencyLetterNumber == letterNumber)));

        var (confirmed, _) = await RegisterAsync(expert, Letter(letterNumber, rows, more: ("AcceptInvalidRows", "true")));

        var letter = await LetterAsync(portal, LetterId(confirmed));
        Assert.Equal(
            [PaperRowOutcome.Referred, PaperRowOutcome.Invalid, PaperRowOutcome.Invalid, PaperRowOutcome.Invalid, PaperRowOutcome.Invalid],
            letter.Rows.OrderBy(r => r.RowNumber).Select(r => r.Outcome));
        Assert.Equal(["invalid_national_code", "duplicate_row", "missing_certificate_number", "too_many_columns"],
            letter.Rows.OrderBy(r => r.RowNumber).Skip(1).Select(r => r.ReasonCode));
        Assert.All(letter.Rows.Where(r => r.Outcome == PaperRowOutcome.Invalid), r => Assert.NotNull(r.AnsweredAtUtc));
    }

    [Fact]
    public async Task A_letter_posted_twice_or_from_a_second_tab_at_once_is_registered_once_with_its_rows_once()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var expert2 = await portal.SignedInAsync(TehranExpert2);
        var letterNumber = NewLetterNumber();
        var rows = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"{i},{Requests.TrackedRequests.NewNationalCode()},1380-02-{i:D6}"));

        var attempts = await Task.WhenAll(
            RegisterAsync(expert, Letter(letterNumber, rows)),
            RegisterAsync(expert, Letter(letterNumber, rows)),
            RegisterAsync(expert2, Letter(letterNumber, rows)));

        var ids = attempts.Select(a => LetterId(a.Response)).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.Single(attempts, a => a.Response.Headers.Location!.OriginalString.EndsWith("?done=registered", StringComparison.Ordinal));
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.PaperLetters.CountAsync(l => l.AgencyLetterNumber == letterNumber)));
        Assert.Equal(20, await portal.WithDatabaseAsync(db => db.PaperLetterRows.CountAsync(r => r.PaperLetterId == id)));
        Assert.Equal(20, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.PaperLetterId == id)));

        // Later, the same letter again: shown the letter that is registered, nothing added.
        var (again, _) = await RegisterAsync(expert, Letter(letterNumber, rows));
        Assert.Equal(id, LetterId(again));
        Assert.EndsWith("?done=already-registered", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(20, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.PaperLetterId == id)));
    }

    [Fact]
    public async Task A_registered_agency_is_picked_from_the_list_and_an_unknown_id_is_refused()
    {
        var agencyId = await portal.WithDatabaseAsync(async db =>
        {
            var agency = new AgencyClient { ClientId = "paper-" + Guid.NewGuid().ToString("N"), Name = "قوه قضاییه", Kind = AgencyKind.Government, DailyRowQuota = 100 };
            db.AgencyClients.Add(agency);
            await db.SaveChangesAsync();
            return agency.Id;
        });
        var expert = await portal.SignedInAsync(TehranExpert);
        var form = await OpenAsync(expert, NewPath);
        Assert.NotNull(form.QuerySelector($"select#AgencyClientId option[value='{agencyId}']"));

        var (unknown, page) = await RegisterAsync(expert, Letter(NewLetterNumber(), "1,0012345679,1380-01-1", agency: "", more: ("AgencyClientId", "999999")));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains(PaperLetterRegistration.UnknownAgency, ErrorSummary(page), StringComparison.Ordinal);

        var (registered, _) = await RegisterAsync(expert, Letter(NewLetterNumber(), "1,0012345679,1380-01-1", agency: "", more: ("AgencyClientId", agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var letter = await LetterAsync(portal, LetterId(registered));
        Assert.Equal((agencyId, "قوه قضاییه"), (letter.AgencyClientId, letter.AgencyName));
    }

    [Fact]
    public async Task Another_provinces_expert_cannot_see_the_letter_its_list_or_its_answer_letter()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var (response, _) = await RegisterAsync(expert, Letter(NewLetterNumber(), "1,0012345679,1380-01-1"));
        var id = LetterId(response);
        var isfahan = await portal.SignedInAsync(IsfahanExpert);
        var isfahanManager = await portal.SignedInAsync(IsfahanManager);

        Assert.Equal(HttpStatusCode.NotFound, (await isfahan.Client.GetAsync(PaperLettersController.LetterPath(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isfahan.Client.GetAsync(PaperLettersController.LetterPath(id) + "/answer-letter")).StatusCode);
        var list = await OpenAsync(isfahan, "/admin/paper-letters");
        Assert.Null(list.QuerySelector($"[data-paper-letter-id='{id}']"));
        var issue = await Infrastructure.Forms.PostWithTokenFromAsync(isfahanManager.Client, "/admin", PaperLettersController.LetterPath(id) + "/issue",
            ("version", (await LetterAsync(portal, id)).Version.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);

        var admin = await portal.SignedInAsync(NationalAdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(PaperLettersController.LetterPath(id))).StatusCode);
        Assert.Contains(portal.Log.Events, e => e.Message.Contains($"was refused paper letter {id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_national_admin_names_the_province_that_answers()
    {
        var admin = await portal.SignedInAsync(NationalAdminEmail);
        var (refused, page) = await RegisterAsync(admin, Letter(NewLetterNumber(), "1,0012345679,1380-01-1"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PaperLetterRegistration.ProvinceRequired, ErrorSummary(page), StringComparison.Ordinal);

        var isfahanId = portal.User(IsfahanExpert).ProvinceId!.Value;
        var (registered, _) = await RegisterAsync(admin, Letter(NewLetterNumber(), "1,0012345679,1380-01-1", more: ("ProvinceId", isfahanId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(isfahanId, (await LetterAsync(portal, LetterId(registered))).ProvinceId);
    }

    [Fact]
    public async Task A_list_body_beyond_the_limit_is_refused_without_a_server_error()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var (response, _) = await RegisterAsync(expert, Letter(NewLetterNumber(), new string('۱', 5 * 1024 * 1024)));
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }
}
