using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Operations;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Staff.PaperLetters;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;
using static CertificateInquiry.IntegrationTests.PaperLetters.PaperLetterPages;

namespace CertificateInquiry.IntegrationTests.PaperLetters;

/// <summary>
/// The rows that became requests are answered through the usual maker–checker flow; once every row is answered, a
/// manager issues the one numbered answer letter, whose PDF lists every row and whose QR code leads to its verify page.
/// </summary>
public sealed partial class PaperLetterAnswerLetterTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [SkippableFact]
    public async Task Approved_answers_complete_their_rows_and_a_manager_issues_one_numbered_answer_letter_with_every_rows_finding()
    {
        var (code, number) = await SeedCertificateAsync(portal);
        var (mistypedCode, mistypedNumber) = await SeedCertificateAsync(portal);
        var missing = Requests.TrackedRequests.NewNationalCode();
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager);
        var letterNumber = NewLetterNumber();
        var rows = $"A-1,{code},{number},مریم,احمدی\nA-2,{mistypedCode},1389-08-000000\nA-3,{missing},1380-01-000001\nA-4,123,1380-01-000001";
        var (registered, _) = await RegisterAsync(expert, Letter(letterNumber, rows, more: ("AcceptInvalidRows", "true")));
        var id = LetterId(registered);
        var letter = await LetterAsync(portal, id);
        var confirmRequest = letter.Rows.Single(r => r.RowNumber == 2).RequestId!.Value;
        var missRequest = letter.Rows.Single(r => r.RowNumber == 3).RequestId!.Value;

        // Nothing to issue while rows are open: no button, and a direct post is refused.
        var openPage = await OpenAsync(manager, PaperLettersController.LetterPath(id));
        Assert.Null(openPage.QuerySelector("[data-issue-answer-letter]"));
        var early = await Forms.PostWithTokenFromAsync(manager.Client, PaperLettersController.LetterPath(id), PaperLettersController.LetterPath(id) + "/issue",
            ("version", letter.Version.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains(IssueOutcome.RowsOpenMessage, ErrorSummary(await HtmlPage.ParseAsync(early)), StringComparison.Ordinal);

        // Row 2: the agency mistyped the number; the expert finds the certificate by the national code and a manager approves.
        await AnswerAsync(expert, manager, confirmRequest, ("Outcome", "Confirmed"), ("CertificateSource", "existing"), ("ExistingNumber", mistypedNumber), ("Reason", ""));
        // Row 3: not in the paper archive either.
        await AnswerAsync(expert, manager, missRequest, ("Outcome", "NotFound"), ("Reason", "در بایگانی نیست"));

        letter = await LetterAsync(portal, id);
        var confirmed = letter.Rows.Single(r => r.RowNumber == 2);
        Assert.Equal((PaperRowOutcome.Verified, mistypedNumber, "valid"), (confirmed.Outcome, confirmed.FoundCertificateNumber, confirmed.CertificateStatus));
        Assert.Equal(PaperRowOutcome.NotFound, letter.Rows.Single(r => r.RowNumber == 3).Outcome);
        Assert.All(letter.Rows, r => Assert.NotNull(r.AnsweredAtUtc));
        Assert.False(await portal.WithDatabaseAsync(db => db.AnswerLetters.AnyAsync(l => l.RequestId == confirmRequest || l.RequestId == missRequest)));

        // An expert sees that the letter is ready but cannot issue it.
        var expertPage = await OpenAsync(expert, PaperLettersController.LetterPath(id));
        Assert.Equal(nameof(PaperLetterStatus.AllRowsAnswered), expertPage.QuerySelector("[data-letter-status]")!.GetAttribute("data-letter-status"));
        Assert.Null(expertPage.QuerySelector("[data-issue-answer-letter]"));
        var byExpert = await Forms.PostWithTokenFromAsync(expert.Client, "/admin", PaperLettersController.LetterPath(id) + "/issue", ("version", letter.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, byExpert.StatusCode);
        Assert.Contains("/admin/access-denied", byExpert.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (issued, _) = await Forms.SubmitAsync(manager.Client, PaperLettersController.LetterPath(id), PaperLettersController.LetterPath(id) + "/issue",
            ("version", letter.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        letter = await LetterAsync(portal, id);
        var tehran = portal.User(TehranManager).ProvinceId!.Value;
        Assert.Matches($"^{tehran:D2}/1[0-9]{{3}}/[0-9]{{5}}$", letter.AnswerLetterNumber);
        Assert.Equal((portal.User(TehranManager).Id, "مهدی صالحی"), (letter.SignerUserId, letter.SignerName));

        var download = await manager.Client.GetAsync(PaperLettersController.LetterPath(id) + "/answer-letter");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        var text = Squeezed(PdfText.Of(pdf));
        Assert.Contains(letter.AnswerLetterNumber!, text, StringComparison.Ordinal);
        Assert.Contains(letterNumber, text, StringComparison.Ordinal);
        Assert.Contains("اداره کل آموزش و پرورش شهر تهران", text, StringComparison.Ordinal);
        Assert.Contains("استخدام و به‌کارگیری", text, StringComparison.Ordinal);
        Assert.Contains("مهدی صالحی", text, StringComparison.Ordinal);
        foreach (var rowId in (string[])["A-1", "A-2", "A-3", "A-4"])
        {
            Assert.Contains(rowId, text, StringComparison.Ordinal);
        }

        Assert.Contains(code, text, StringComparison.Ordinal); // the full keys the agency sent go back to it
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains(mistypedNumber, text, StringComparison.Ordinal);
        Assert.Contains("یافت نشد", text, StringComparison.Ordinal);
        Assert.Contains("نادرست", text, StringComparison.Ordinal);
        Assert.Contains("نامطابق", text, StringComparison.Ordinal); // the last name the agency sent is not the holder's
        Assert.DoesNotContain("صادقی", text, StringComparison.Ordinal); // never the stored names
        Assert.DoesNotContain("ندامتگاه", text, StringComparison.Ordinal); // never the training centre (ADR-017)
        Assert.DoesNotContain("در بایگانی نیست", text, StringComparison.Ordinal); // the expert's note stays inside
        Assert.Contains("/letters/verify/" + letter.VerificationCode, text, StringComparison.Ordinal);
        Assert.EndsWith("/letters/verify/" + letter.VerificationCode, PdfReading.QrCode(pdf), StringComparison.Ordinal);

        // The verify page confirms it, row by row, with the national codes masked.
        var (verify, verifyPage) = await HtmlPage.GetAsync(portal.CreateClient(), "/letters/verify/" + letter.VerificationCode);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal(letter.AnswerLetterNumber, verifyPage.QuerySelector("[data-letter-number]")!.Text());
        Assert.Equal(4, verifyPage.QuerySelectorAll("[data-letter-rows] tbody tr").Length);
        Assert.DoesNotContain(code, verifyPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(code[^4..], verifyPage.QuerySelector("[data-row='1']")!.Text(), StringComparison.Ordinal);

        var audit = await portal.WithDatabaseAsync(db => db.StaffAudit.AsNoTracking().Where(e => e.SubjectType == "PaperLetter" && e.SubjectId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([PaperLetterRegistration.RegisterAction, PaperLetterIssuing.IssueAction, PaperLettersController.DownloadAction], audit);
    }

    [Fact]
    public async Task Two_managers_pressing_issue_at_once_issue_exactly_one_letter_with_one_number()
    {
        var (code, number) = await SeedCertificateAsync(portal);
        var expert = await portal.SignedInAsync(TehranExpert);
        var (registered, _) = await RegisterAsync(expert, Letter(NewLetterNumber(), $"1,{code},{number}"));
        var id = LetterId(registered);
        var version = (await LetterAsync(portal, id)).Version.ToString();
        var first = await portal.SignedInAsync(TehranManager);
        var second = await portal.SignedInAsync(TehranManager2);

        var responses = await Task.WhenAll(
            Forms.PostWithTokenFromAsync(first.Client, "/admin", PaperLettersController.LetterPath(id) + "/issue", ("version", version)),
            Forms.PostWithTokenFromAsync(second.Client, "/admin", PaperLettersController.LetterPath(id) + "/issue", ("version", version)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses, r => r.Headers.Location!.OriginalString.EndsWith("?done=issued", StringComparison.Ordinal));
        Assert.Single(responses, r => r.Headers.Location!.OriginalString.EndsWith("?done=already-issued", StringComparison.Ordinal));
        var letter = await LetterAsync(portal, id);
        Assert.NotNull(letter.AnswerLetterNumber);
        Assert.Equal(letter.AnswerSequence + 1, await NextSequenceAsync(letter.AnswerJalaliYear!.Value)); // the loser's number was given back
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.StaffAudit.CountAsync(e => e.Action == PaperLetterIssuing.IssueAction && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Two_managers_approving_the_last_two_rows_at_once_leave_the_letter_ready_to_issue()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var rows = $"1,{Requests.TrackedRequests.NewNationalCode()},1380-03-000001\n2,{Requests.TrackedRequests.NewNationalCode()},1380-03-000002";
        var (registered, _) = await RegisterAsync(expert, Letter(NewLetterNumber(), rows));
        var id = LetterId(registered);
        var requests = (await LetterAsync(portal, id)).Rows.OrderBy(r => r.RowNumber).Select(r => r.RequestId!.Value).ToList();
        foreach (var request in requests)
        {
            await CasePages.ActAsync(expert, request, "/start-review");
            await CasePages.ActAsync(expert, request, "/proposals", ("Outcome", "NotFound"), ("Reason", "در بایگانی نیست"));
        }

        var first = await portal.SignedInAsync(TehranManager);
        var second = await portal.SignedInAsync(TehranManager2);
        var pages = await Task.WhenAll(CasePages.OpenAsync(first, requests[0]), CasePages.OpenAsync(second, requests[1]));
        var approvals = await Task.WhenAll(
            CasePages.PostAsync(first, pages[0], "/approve", ("ApprovalNote", "")),
            CasePages.PostAsync(second, pages[1], "/approve", ("ApprovalNote", "")));

        Assert.All(approvals, a => Assert.Equal(HttpStatusCode.Redirect, a.Response.StatusCode));
        var page = await OpenAsync(first, PaperLettersController.LetterPath(id));
        Assert.Equal(nameof(PaperLetterStatus.AllRowsAnswered), page.QuerySelector("[data-letter-status]")!.GetAttribute("data-letter-status"));
        Assert.NotNull(page.QuerySelector("[data-issue-answer-letter]"));
    }

    [Fact]
    public async Task A_paper_certificate_found_for_a_row_is_digitized_once_the_expert_records_the_holders_details_from_the_archive()
    {
        await SeedCertificateAsync(portal); // a training standard to choose
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager);
        var nationalCode = Requests.TrackedRequests.NewNationalCode();
        var number = "1380-04-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var (registered, _) = await RegisterAsync(expert, Letter(NewLetterNumber(), $"1,{nationalCode},{number},رضا,"));
        var id = LetterId(registered);
        var request = (await LetterAsync(portal, id)).Rows.Single().RequestId!.Value;
        await CasePages.ActAsync(expert, request, "/start-review");
        var standard = await portal.WithDatabaseAsync(db => db.TrainingStandards.Select(s => s.Id).FirstAsync());
        (string, string)[] paperCertificate =
        [
            ("Outcome", "Confirmed"), ("CertificateSource", "new"), ("CertificateNumber", number), ("CertificateKind", "Certificate"),
            ("StandardId", standard.ToString(CultureInfo.InvariantCulture)), ("ExamDate", "1380/04/20"), ("IssueDate", "1380/05/10"),
            ("TrainingCenter", "مرکز ۱"), ("Program", "Tvto"), ("Reason", ""),
        ];

        // The list gave no father's name, birth date or gender: a paper certificate cannot be put in anyone's name yet.
        var (refused, refusedPage) = await CasePages.ActAsync(expert, request, "/proposals", paperCertificate);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("کامل نیست", CasePages.ErrorSummary(refusedPage), StringComparison.Ordinal);

        var (badHolder, badPage) = await CasePages.ActAsync(expert, request, "/holder",
            ("HolderFirstName", "رضا"), ("HolderLastName", "John"), ("HolderFatherName", ""), ("HolderBirthDate", "1350/13/01"), ("HolderGender", "x"));
        Assert.Equal(HttpStatusCode.OK, badHolder.StatusCode);
        Assert.Contains("نام پدر دارنده را وارد کنید.", CasePages.ErrorSummary(badPage), StringComparison.Ordinal);
        Assert.Contains("جنسیت دارنده را برگزینید.", CasePages.ErrorSummary(badPage), StringComparison.Ordinal);

        var (holder, holderPage) = await CasePages.ActAsync(expert, request, "/holder",
            ("HolderFirstName", "رضا"), ("HolderLastName", "توانا"), ("HolderFatherName", "علي"), ("HolderBirthDate", "۱۳۵۰/۰۱/۱۵"), ("HolderGender", "Male"));
        Assert.True(holder.StatusCode == HttpStatusCode.Redirect, CasePages.ErrorSummary(holderPage));
        var (proposed, proposedPage) = await CasePages.ActAsync(expert, request, "/proposals", paperCertificate);
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, CasePages.ErrorSummary(proposedPage));
        var (approved, approvedPage) = await CasePages.ActAsync(manager, request, "/approve", ("ApprovalNote", ""));
        Assert.True(approved.StatusCode == HttpStatusCode.Redirect, CasePages.ErrorSummary(approvedPage));

        var row = (await LetterAsync(portal, id)).Rows.Single();
        Assert.Equal((PaperRowOutcome.Verified, number, "match", null), (row.Outcome, row.FoundCertificateNumber, row.FirstNameMatch, row.LastNameMatch));
        var person = await portal.WithDatabaseAsync(db => db.People.AsNoTracking().SingleAsync(p => p.NationalCode == nationalCode));
        Assert.Equal(("رضا", "توانا", "علی"), (person.FirstName, person.LastName, person.FatherName));
        Assert.Contains("request.holder.record", (await portal.AuditAsync(request)).Select(e => e.Action));
    }

    private async Task AnswerAsync(Browser expert, Browser manager, long requestId, params (string Name, string Value)[] proposal)
    {
        var (started, _) = await CasePages.ActAsync(expert, requestId, "/start-review");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (proposed, proposedPage) = await CasePages.ActAsync(expert, requestId, "/proposals", proposal);
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, CasePages.ErrorSummary(proposedPage));
        var (approved, approvedPage) = await CasePages.ActAsync(manager, requestId, "/approve", ("ApprovalNote", ""));
        Assert.True(approved.StatusCode == HttpStatusCode.Redirect, CasePages.ErrorSummary(approvedPage));
        Assert.Equal(RequestStatus.Answered, (await portal.RequestAsync(requestId)).Status);
    }

    private Task<int> NextSequenceAsync(int year) =>
        portal.WithDatabaseAsync(db => db.LetterSequences.Where(s => s.ProvinceId == portal.User(TehranManager).ProvinceId && s.JalaliYear == year).Select(s => s.Next).SingleAsync());

    // pdftotext marks the direction of each run with bidi controls; the words between them are what the letter says.
    private static string Squeezed(string text) => SpaceRun().Replace(BidiControl().Replace(text, ""), " ");

    [GeneratedRegex("[\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex BidiControl();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRun();
}
