using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Staff.Requests;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>An expert proposes the answer, a manager of the province (never the proposer) issues it.</summary>
public sealed class MakerCheckerTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private static (string, string)[] PaperCertificate(string number) =>
    [
        ("Outcome", "Confirmed"), ("CertificateSource", "new"), ("CertificateNumber", number), ("CertificateKind", "Certificate"),
        ("ExamDate", "۱۳۸۶/۰۴/۲۰"), ("IssueDate", "1386/05/10"), ("ExpiryDate", ""), ("TrainingCenter", "مرکز شماره ۱ تهران"),
        ("Program", "Tvto"), ("Reason", ""),
    ];

    private static string NewNumber() => "1386-08-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string Name, string Value)> StandardFieldAsync() =>
        ("StandardId", (await portal.WithDatabaseAsync(db => db.TrainingStandards.Select(s => s.Id).FirstAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<long> PendingProposalIdAsync(long requestId) =>
        await portal.WithDatabaseAsync(db => db.AnswerProposals.Where(p => p.RequestId == requestId && p.Decision == null).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task An_expert_proposes_a_paper_certificate_a_manager_approves_and_the_online_lookup_then_finds_it()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var number = NewNumber();
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager);
        var outboxBefore = await portal.OutboxCountAsync(seeded.Id);

        var (proposed, _) = await CasePages.ActAsync(expert, seeded.Id, "/proposals", [.. PaperCertificate(number), await StandardFieldAsync()]);

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
        Assert.False(await portal.WithDatabaseAsync(db => db.Certificates.AnyAsync(c => c.Number == number)));
        var expertPage = await CasePages.OpenAsync(expert, seeded.Id);
        Assert.Null(expertPage.QuerySelector("form[data-form=approve]"));
        Assert.Contains("این پاسخ را شما پیشنهاد داده‌اید", expertPage.QuerySelector("[data-pending-proposal]")!.Text(), StringComparison.Ordinal);
        Assert.Null(expertPage.QuerySelector("form[data-form=propose]")); // one answer at a time

        // The expert cannot approve, even by posting the form directly: only managers pass the policy.
        var proposalId = await PendingProposalIdAsync(seeded.Id);
        var byExpert = await CasePages.PostBlindAsync(expert, $"{CasePages.Path(seeded.Id)}/proposals/{proposalId}/approve", (await portal.RequestAsync(seeded.Id)).Version);
        Assert.Equal(HttpStatusCode.Redirect, byExpert.StatusCode);
        Assert.StartsWith("/admin/access-denied", CasePages.Location(byExpert), StringComparison.Ordinal);

        var managerPage = await CasePages.OpenAsync(manager, seeded.Id);
        Assert.Contains(number, managerPage.QuerySelector("[data-pending-proposal]")!.Text(), StringComparison.Ordinal);
        var (approved, _) = await CasePages.PostAsync(manager, managerPage, "/approve", ("ApprovalNote", ""));

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.Answered, request.Status);
        Assert.Equal(AnswerOutcome.Confirmed, request.Outcome);
        Assert.Equal(portal.User(TehranManager).Id, request.Transitions.OrderBy(t => t.Id).Last().Actor);
        var certificate = await portal.WithDatabaseAsync(db => db.Certificates.Include(c => c.Person).SingleAsync(c => c.Number == number));
        Assert.Equal(request.AnswerCertificateId, certificate.Id);
        Assert.Equal(RecordSource.DigitizedFromPaper, certificate.Source);
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
        Assert.True(VerificationCode.IsWellFormed(certificate.VerificationCode));
        Assert.Equal(seeded.NationalCode, certificate.Person!.NationalCode);
        Assert.Equal("حسین", certificate.Person.FatherName);
        Assert.Equal(new DateOnly(1968, 3, 21), certificate.Person.BirthDate);
        Assert.Equal(request.ProvinceId, certificate.ProvinceId);
        Assert.Null(certificate.ExpiryDate);
        var proposal = await portal.WithDatabaseAsync(db => db.AnswerProposals.AsNoTracking().SingleAsync(p => p.Id == proposalId));
        Assert.Equal(ProposalDecision.Approved, proposal.Decision);
        Assert.Equal(portal.User(TehranExpert).Id, proposal.ProposedByUserId);
        Assert.Equal(portal.User(TehranManager).Id, proposal.DecidedByUserId);

        // The applicant is told, and from now on the certificate is in the online lookup.
        Assert.Equal(outboxBefore + 1, await portal.OutboxCountAsync(seeded.Id));
        var (lookup, found) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", seeded.NationalCode), ("CertificateNumber", number));
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Contains(number, found.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Contains("رضا", found.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        var (_, tracked) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", seeded.TrackingCode), ("NationalCode", seeded.NationalCode));
        Assert.Contains("گواهینامه تأیید شد", tracked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Contains(number, tracked.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        // The approval issued the province's answer letter, signed by the manager; the applicant downloads it from tracking.
        var letter = await portal.WithDatabaseAsync(db => db.AnswerLetters.AsNoTracking().SingleAsync(l => l.RequestId == seeded.Id));
        Assert.Equal("مهدی صالحی", letter.SignerName);
        Assert.StartsWith("08/", letter.LetterNumber, StringComparison.Ordinal);
        Assert.NotNull(tracked.QuerySelector("form[action='/requests/track/letter']"));
        var download = await Forms.PostWithTokenFromAsync(portal.CreateClient(), "/requests/track", "/requests/track/letter",
            ("TrackingCode", seeded.TrackingCode), ("NationalCode", seeded.NationalCode));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);

        var audit = await portal.AuditAsync(seeded.Id);
        Assert.Equal(["request.answer.propose", "request.answer.approve"], audit.Select(e => e.Action));
        Assert.Equal(("UnderReview", "Answered"), (audit[1].FromStatus, audit[1].ToStatus));
    }

    [Fact]
    public async Task Nothing_reaches_the_applicant_before_approval()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert);
        var outboxBefore = await portal.OutboxCountAsync(seeded.Id);

        await CasePages.ActAsync(expert, seeded.Id, "/proposals", ("Outcome", "Rejected"), ("Reason", "امضای پرونده جعلی است"));

        var (_, tracked) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", seeded.TrackingCode), ("NationalCode", seeded.NationalCode));
        Assert.DoesNotContain("جعلی", tracked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(outboxBefore, await portal.OutboxCountAsync(seeded.Id));
    }

    [Fact]
    public async Task A_manager_cannot_approve_their_own_proposal_and_another_manager_can()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var manager = await portal.SignedInAsync(TehranManager);
        var otherManager = await portal.SignedInAsync(TehranManager2);

        await CasePages.ActAsync(manager, seeded.Id, "/proposals", ("Outcome", "NotFound"), ("Reason", "در بایگانی سال ۱۳۸۶ نامی از متقاضی نیست"));
        var ownPage = await CasePages.OpenAsync(manager, seeded.Id);
        Assert.Null(ownPage.QuerySelector("form[data-form=approve]"));
        Assert.Contains("این پاسخ را شما پیشنهاد داده‌اید", ownPage.QuerySelector("[data-pending-proposal]")!.Text(), StringComparison.Ordinal);

        var proposalId = await PendingProposalIdAsync(seeded.Id);
        var selfApproval = await CasePages.PostBlindAsync(manager, $"{CasePages.Path(seeded.Id)}/proposals/{proposalId}/approve", (await portal.RequestAsync(seeded.Id)).Version);
        var selfReturn = await CasePages.PostBlindAsync(manager, $"{CasePages.Path(seeded.Id)}/proposals/{proposalId}/return", (await portal.RequestAsync(seeded.Id)).Version,
            ("ReturnNote", "پس می‌گیرم"));

        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Contains(AnswerApproval.SelfApprovalMessage, CasePages.ErrorSummary(await HtmlPage.ParseAsync(selfApproval)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, selfReturn.StatusCode);
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
        Assert.Equal(proposalId, await PendingProposalIdAsync(seeded.Id));

        var (approved, _) = await CasePages.ActAsync(otherManager, seeded.Id, "/approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal((RequestStatus.Answered, AnswerOutcome.NotFound), (request.Status, request.Outcome));
        Assert.Equal("در بایگانی سال 1386 نامی از متقاضی نیست", request.OutcomeReason); // digits stored normalized, shown in Persian
    }

    [Fact]
    public async Task A_manager_returns_a_proposal_with_a_note_and_the_expert_proposes_again()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert2);
        var manager = await portal.SignedInAsync(TehranManager);
        await CasePages.ActAsync(expert, seeded.Id, "/proposals", ("Outcome", "NotFound"));

        var (noNote, noNotePage) = await CasePages.ActAsync(manager, seeded.Id, "/return", ("ReturnNote", "  "));
        var (returned, _) = await CasePages.ActAsync(manager, seeded.Id, "/return", ("ReturnNote", "دفتر ثبت سال ۱۳۸۷ را هم ببینید"));

        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Equal("#ReturnNote", noNotePage.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.False(await portal.WithDatabaseAsync(db => db.AnswerProposals.AnyAsync(p => p.RequestId == seeded.Id && p.Decision == null)));
        var expertPage = await CasePages.OpenAsync(expert, seeded.Id);
        Assert.Contains("دفتر ثبت سال ۱۳۸۷ را هم ببینید", expertPage.QuerySelector("[data-proposals]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Returned", expertPage.QuerySelector("[data-proposals] li")!.GetAttribute("data-proposal-state"));

        var (withoutReason, withoutReasonPage) = await CasePages.PostAsync(expert, expertPage, "/proposals", ("Outcome", "Rejected"), ("Reason", ""));
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("دلیل رد درخواست را بنویسید.", CasePages.ErrorSummary(withoutReasonPage), StringComparison.Ordinal);

        await CasePages.ActAsync(expert, seeded.Id, "/proposals", ("Outcome", "Rejected"), ("Reason", TrackedRequests.RejectionReason));
        await CasePages.ActAsync(manager, seeded.Id, "/approve");

        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal((RequestStatus.Answered, AnswerOutcome.Rejected), (request.Status, request.Outcome));
        var (_, tracked) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", seeded.TrackingCode), ("NationalCode", seeded.NationalCode));
        Assert.Contains(TrackedRequests.RejectionReason, tracked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Equal(["request.answer.propose", "request.answer.return", "request.answer.propose", "request.answer.approve"],
            (await portal.AuditAsync(seeded.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_confirmed_answer_can_link_a_certificate_already_in_the_database_but_only_the_applicants()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var theirs = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered, AnswerOutcome.Confirmed);
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager2);

        var (wrongHolder, wrongHolderPage) = await CasePages.ActAsync(expert, seeded.Id, "/proposals",
            ("Outcome", "Confirmed"), ("CertificateSource", "existing"), ("ExistingNumber", theirs.CertificateNumber!));
        Assert.Equal(HttpStatusCode.BadRequest, wrongHolder.StatusCode);
        Assert.Contains("این گواهینامه به نام متقاضی", CasePages.ErrorSummary(wrongHolderPage), StringComparison.Ordinal);
        Assert.Equal(theirs.CertificateNumber, wrongHolderPage.QuerySelector("input[name=ExistingNumber]")!.GetAttribute("value"));

        // Give the applicant a certificate of their own (e.g. imported after they filed), and link it.
        var number = await portal.WithDatabaseAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.Number == theirs.CertificateNumber);
            var person = new Person { NationalCode = seeded.NationalCode, FirstName = "رضا", LastName = "کاظمی", FatherName = "حسین", BirthDate = new DateOnly(1968, 3, 21) };
            var own = new Certificate
            {
                Number = NewNumber(), Person = person, StandardId = certificate.StandardId, ExamDate = certificate.ExamDate, IssueDate = certificate.IssueDate,
                ProvinceId = certificate.ProvinceId, TrainingCenter = certificate.TrainingCenter, Source = RecordSource.Imported, VerificationCode = VerificationCode.New(),
            };
            db.Certificates.Add(own);
            await db.SaveChangesAsync();
            return own.Number;
        });
        var (linked, _) = await CasePages.ActAsync(expert, seeded.Id, "/proposals",
            ("Outcome", "Confirmed"), ("CertificateSource", "existing"), ("ExistingNumber", number.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        await CasePages.ActAsync(manager, seeded.Id, "/approve");

        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(AnswerOutcome.Confirmed, request.Outcome);
        Assert.Equal(number, await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Id == request.AnswerCertificateId).Select(c => c.Number).SingleAsync()));
        Assert.Equal(RecordSource.Imported, await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == number).Select(c => c.Source).SingleAsync()));
    }

    [Fact]
    public async Task A_paper_certificate_needs_a_free_number_and_consistent_dates()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var taken = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered, AnswerOutcome.Confirmed);
        var expert = await portal.SignedInAsync(TehranExpert);
        var standard = await StandardFieldAsync();

        var (takenNumber, takenPage) = await CasePages.ActAsync(expert, seeded.Id, "/proposals", [.. PaperCertificate(taken.CertificateNumber!), standard]);
        var (badDates, badDatesPage) = await CasePages.ActAsync(expert, seeded.Id, "/proposals",
            [.. PaperCertificate(NewNumber()).Select(f => f.Item1 == "IssueDate" ? ("IssueDate", "1386/02/01") : f), standard]);
        var (licenseWithoutExpiry, licensePage) = await CasePages.ActAsync(expert, seeded.Id, "/proposals",
            [.. PaperCertificate(NewNumber()).Select(f => f.Item1 == "CertificateKind" ? ("CertificateKind", "License") : f), standard]);

        Assert.Equal(HttpStatusCode.BadRequest, takenNumber.StatusCode);
        Assert.Contains("پیش‌تر در سامانه ثبت شده است", CasePages.ErrorSummary(takenPage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badDates.StatusCode);
        Assert.Contains("تاریخ صدور نمی‌تواند پیش از تاریخ آزمون باشد.", CasePages.ErrorSummary(badDatesPage), StringComparison.Ordinal);
        Assert.Equal("1386/04/20", badDatesPage.QuerySelector("input[name=ExamDate]")!.GetAttribute("value")); // what was typed stays, normalized
        Assert.Contains("پروانه مهارت تاریخ اعتبار دارد", CasePages.ErrorSummary(licensePage), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.AnswerProposals.AnyAsync(p => p.RequestId == seeded.Id)));
    }
}
