using System.Security.Claims;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// The answer's use cases called as services, without HTTP: the rules of approval and digitizing that the case page's
/// forms cannot reach (a failure after the certificate's first save, a number taken between proposal and approval).
/// </summary>
public sealed class AnswerApprovalTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private static string NewNumber() => "1387-02-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_approval_that_fails_after_the_paper_certificate_is_saved_leaves_no_person_no_certificate_and_no_answer()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var number = NewNumber();
        var proposalId = await ProposePaperCertificateAsync(seeded.Id, number);

        // A national admin whose account is gone while they are still signed in: the letter cannot be signed, so the
        // approval fails after the certificate and its holder were saved (the first save, which gives the certificate its id).
        var gone = Principal(
            new Claim(ClaimTypes.NameIdentifier, "deleted-" + Guid.NewGuid().ToString("N")),
            new Claim(ClaimTypes.Role, StaffRoles.NationalAdmin),
            new Claim(StaffClaimTypes.FullName, "مدیر حذف‌شده"));
        var failure = await Record.ExceptionAsync(() => ActAsAsync(gone, async services =>
            await services.GetRequiredService<AnswerApproval>().ApproveAsync(seeded.Id, proposalId, new ApproveInput { Version = await VersionAsync(seeded.Id) }, CancellationToken.None)));

        Assert.IsType<InvalidOperationException>(failure);
        Assert.False(await portal.WithDatabaseAsync(db => db.Certificates.AnyAsync(c => c.Number == number)));
        Assert.False(await portal.WithDatabaseAsync(db => db.People.AnyAsync(p => p.NationalCode == seeded.NationalCode)));
        Assert.False(await portal.WithDatabaseAsync(db => db.AnswerLetters.AnyAsync(l => l.RequestId == seeded.Id)));
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal((RequestStatus.UnderReview, null), (request.Status, request.AnswerCertificateId));
        Assert.Null(await DecisionAsync(proposalId)); // still pending
        Assert.Equal(["request.answer.propose"], (await portal.AuditAsync(seeded.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_paper_certificate_numbered_by_someone_else_after_the_proposal_refuses_the_approval_and_upserts_no_holder()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var number = NewNumber();
        var proposalId = await ProposePaperCertificateAsync(seeded.Id, number);

        // Meanwhile the same number arrives for another holder (say, by the yearly import).
        await portal.WithDatabaseAsync(async db =>
        {
            var standard = await db.TrainingStandards.FirstAsync();
            var province = await db.Provinces.FirstAsync();
            var holder = new Person { NationalCode = Requests.TrackedRequests.NewNationalCode(), FirstName = "مریم", LastName = "احمدی", FatherName = "علی", BirthDate = new DateOnly(1970, 1, 1) };
            db.Certificates.Add(new Certificate
            {
                Number = number, Person = holder, StandardId = standard.Id, ExamDate = new DateOnly(2008, 7, 1), IssueDate = new DateOnly(2008, 8, 1),
                ProvinceId = province.Id, TrainingCenter = "مرکز شماره ۲", Source = RecordSource.Imported, VerificationCode = VerificationCode.New(),
            });
            return await db.SaveChangesAsync();
        });

        var outcome = await ActAsAsync(await PrincipalAsync(TehranManager), async services =>
            await services.GetRequiredService<AnswerApproval>().ApproveAsync(seeded.Id, proposalId, new ApproveInput { Version = await VersionAsync(seeded.Id) }, CancellationToken.None));

        Assert.Equal(CaseActionOutcome.Kinds.Refused, outcome.Kind);
        Assert.Contains("از زمان پیشنهاد، گواهینامه دیگری با شماره " + number, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDatabaseAsync(db => db.Certificates.CountAsync(c => c.Number == number)));
        Assert.False(await portal.WithDatabaseAsync(db => db.People.AnyAsync(p => p.NationalCode == seeded.NationalCode)));
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
        Assert.Null(await DecisionAsync(proposalId)); // still pending
    }

    [Fact]
    public async Task A_national_admin_who_proposed_the_answer_cannot_approve_or_return_it_either()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var admin = await PrincipalAsync(NationalAdminEmail);
        var proposed = await ActAsAsync(admin, async services =>
            await services.GetRequiredService<AnswerApproval>().ProposeAsync(seeded.Id,
                new ProposalInput { Version = await VersionAsync(seeded.Id), Outcome = "NotFound", Reason = "در بایگانی نیست" }, CancellationToken.None));
        Assert.Equal(CaseActionOutcome.Kinds.Done, proposed.Kind);
        var proposalId = await PendingProposalIdAsync(seeded.Id);

        var approved = await ActAsAsync(admin, async services =>
            await services.GetRequiredService<AnswerApproval>().ApproveAsync(seeded.Id, proposalId, new ApproveInput { Version = await VersionAsync(seeded.Id) }, CancellationToken.None));
        var returned = await ActAsAsync(admin, async services =>
            await services.GetRequiredService<AnswerApproval>().ReturnAsync(seeded.Id, proposalId,
                new ReturnInput { Version = await VersionAsync(seeded.Id), ReturnNote = "پس می‌گیرم" }, CancellationToken.None));

        Assert.Equal((CaseActionOutcome.Kinds.Refused, StatusCodes.Status403Forbidden, AnswerApproval.SelfApprovalMessage), (approved.Kind, approved.StatusCode, approved.Message));
        Assert.Equal((CaseActionOutcome.Kinds.Refused, StatusCodes.Status403Forbidden), (returned.Kind, returned.StatusCode));
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
        Assert.Null(await DecisionAsync(proposalId)); // still pending
    }

    private async Task<long> ProposePaperCertificateAsync(long requestId, string number)
    {
        var standardId = await portal.WithDatabaseAsync(db => db.TrainingStandards.Select(s => s.Id).FirstAsync());
        var input = new ProposalInput
        {
            Version = await VersionAsync(requestId),
            Outcome = "Confirmed",
            CertificateSource = ProposalInput.NewCertificate,
            CertificateNumber = number,
            CertificateKind = "Certificate",
            StandardId = standardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExamDate = "1386/04/20",
            IssueDate = "1386/05/10",
            TrainingCenter = "مرکز شماره ۱ تهران",
            Program = "Tvto",
        };
        var outcome = await ActAsAsync(await PrincipalAsync(TehranExpert), services =>
            services.GetRequiredService<AnswerApproval>().ProposeAsync(requestId, input, CancellationToken.None));
        Assert.Equal(CaseActionOutcome.Kinds.Done, outcome.Kind);
        return await PendingProposalIdAsync(requestId);
    }

    private Task<long> PendingProposalIdAsync(long requestId) =>
        portal.WithDatabaseAsync(db => db.AnswerProposals.Where(p => p.RequestId == requestId && p.Decision == null).Select(p => p.Id).SingleAsync());

    private Task<ProposalDecision?> DecisionAsync(long proposalId) =>
        portal.WithDatabaseAsync(db => db.AnswerProposals.Where(p => p.Id == proposalId).Select(p => p.Decision).SingleAsync());

    private Task<Guid> VersionAsync(long requestId) =>
        portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync());

    /// <summary>The principal the sign-in would give the account of <paramref name="email"/>.</summary>
    private Task<ClaimsPrincipal> PrincipalAsync(string email) =>
        portal.WithServicesAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
            return await services.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user!);
        });

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme));

    /// <summary>Runs <paramref name="act"/> with the services of one scope, as <paramref name="user"/> (what <see cref="StaffScope"/> reads).</summary>
    private Task<T> ActAsAsync<T>(ClaimsPrincipal user, Func<IServiceProvider, Task<T>> act) =>
        portal.WithServicesAsync(services =>
        {
            services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = user, RequestServices = services };
            return act(services);
        });
}
