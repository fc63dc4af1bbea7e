using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Notifications;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Retention;
using CertificateInquiry.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>The retention clean-up (ADR-038): what it deletes, what it never touches, and two servers running it at once.</summary>
public abstract class RetentionTests(ServerFarm farm)
{
    // The timer off: the tests run the passes themselves.
    private static readonly Dictionary<string, string?> Manual = new() { ["Retention:Enabled"] = "false" };

    [SkippableFact]
    public async Task Two_servers_cleaning_at_once_delete_old_drafts_and_spent_codes_and_nothing_of_a_submitted_or_paid_request()
    {
        using var a = farm.First(Manual);
        using var b = farm.Another(a, Manual);
        var old = DateTime.UtcNow.AddDays(-40);
        var abandoned = await DraftAsync(a, "09120000001", old, withDocument: true);
        var young = await DraftAsync(a, "09120000002", DateTime.UtcNow.AddDays(-2), withDocument: true);
        var paidFor = await DraftAsync(a, "09120000003", old, withDocument: true, withPayment: true);
        var submitted = await SubmittedAsync(a, "09120000004", old);
        var (oldSignIn, freshSignIn) = await SignInCodesAsync(a, "09120000005");
        var (oldSend, freshSend) = await CodeSendsAsync(a, "09120000006");

        var results = await Task.WhenAll(CleanAsync(a), CleanAsync(b));

        Assert.Equal(1, results.Sum(r => r.Drafts));
        Assert.Equal(1, results.Sum(r => r.DraftFiles));
        Assert.False(await ExistsAsync(a, abandoned.Id));
        Assert.False(FileExists(a, abandoned.StoredName!)); // the applicant's scan does not outlive the draft
        Assert.Equal(0, await a.WithDatabaseAsync(db => db.PhoneVerifications.CountAsync(v => v.RequestId == abandoned.Id)));

        foreach (var kept in new[] { young, paidFor, submitted })
        {
            Assert.True(await ExistsAsync(a, kept.Id));
            Assert.True(FileExists(a, kept.StoredName!));
            Assert.Equal(1, await a.WithDatabaseAsync(db => db.RequestDocuments.CountAsync(d => d.RequestId == kept.Id)));
        }

        // A draft's codes stay with the draft (they are its send cap); a submitted request's spent ones go.
        Assert.Equal(1, await a.WithDatabaseAsync(db => db.PhoneVerifications.CountAsync(v => v.RequestId == young.Id)));
        Assert.Equal(0, await a.WithDatabaseAsync(db => db.PhoneVerifications.CountAsync(v => v.RequestId == submitted.Id)));
        Assert.Equal([freshSignIn], await a.WithDatabaseAsync(db => db.PhoneVerifications.Where(v => v.RequestId == null).Select(v => v.Id).ToListAsync()));
        Assert.DoesNotContain(oldSignIn, await a.WithDatabaseAsync(db => db.PhoneVerifications.Select(v => v.Id).ToListAsync()));
        Assert.Equal([freshSend], await a.WithDatabaseAsync(db => db.SmsCodeSends.Where(s => s.Id == oldSend || s.Id == freshSend).Select(s => s.Id).ToListAsync()));
    }

    [SkippableFact]
    public async Task A_pass_killed_after_deleting_a_drafts_files_is_finished_by_the_next_pass()
    {
        using var a = farm.First(Manual);
        var draft = await DraftAsync(a, "09120000011", DateTime.UtcNow.AddDays(-40), withDocument: true);

        // As a process killed between its two steps leaves it: the draft's key replaced, its file gone, its row still there.
        await a.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == draft.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.AccessKey, "retired-by-a-killed-pass-0000000")));
        Assert.True(a.Services.GetRequiredService<DocumentStore>().Delete(draft.StoredName!));

        var result = await CleanAsync(a);

        Assert.Equal(1, result.Drafts);
        Assert.Equal(0, result.DraftFiles);
        Assert.False(await ExistsAsync(a, draft.Id));
        Assert.Equal(0, await a.WithDatabaseAsync(db => db.RequestDocuments.CountAsync(d => d.RequestId == draft.Id)));
    }

    [SkippableFact]
    public async Task Abandoned_drafts_set_to_zero_are_kept_for_ever()
    {
        using var a = farm.First(new Dictionary<string, string?>(Manual) { ["Retention:AbandonedDraftsAfter"] = "00:00:00" });
        var draft = await DraftAsync(a, "09120000021", DateTime.UtcNow.AddDays(-400), withDocument: true);

        Assert.Equal(0, (await CleanAsync(a)).Drafts);
        Assert.True(await ExistsAsync(a, draft.Id));
        Assert.True(FileExists(a, draft.StoredName!));
    }

    private static async Task<RetentionResult> CleanAsync(PortalFactory server) =>
        await server.WithServicesAsync(services => services.GetRequiredService<RetentionCleanup>().RunOnceAsync(CancellationToken.None));

    private static Task<bool> ExistsAsync(PortalFactory server, long id) => server.WithDatabaseAsync(db => db.Requests.AnyAsync(r => r.Id == id));

    private static bool FileExists(PortalFactory server, string storedName)
    {
        using var file = server.Services.GetRequiredService<DocumentStore>().OpenRead(storedName);
        return file is not null;
    }

    /// <summary>A draft last changed at <paramref name="updatedAt"/>, with a code sent to its mobile, and optionally a stored scan and a failed payment.</summary>
    private static async Task<Made> DraftAsync(PortalFactory server, string mobile, DateTime updatedAt, bool withDocument, bool withPayment = false) =>
        await server.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var draft = await TestRequests.CreateDraftAsync(db, mobile);
            var storedName = withDocument ? await AttachScanAsync(services, draft) : null;
            db.PhoneVerifications.Add(new PhoneVerification
            {
                RequestId = draft.Id, Mobile = mobile, CodeHash = new string('a', 64), SentAtUtc = updatedAt, ExpiresAtUtc = updatedAt.AddMinutes(2), SendCount = 1,
            });
            if (withPayment)
            {
                db.Payments.Add(new Payment
                {
                    RequestId = draft.Id, AmountRials = 1_000_000, Gateway = "Sandbox", Authority = "retention-" + draft.Id, Status = PaymentStatus.Failed, CreatedAtUtc = updatedAt,
                });
            }

            await db.SaveChangesAsync();
            await db.Requests.Where(r => r.Id == draft.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.UpdatedAtUtc, updatedAt));
            return new Made(draft.Id, storedName);
        });

    /// <summary>A submitted request last changed at <paramref name="updatedAt"/>, with its scan and a spent code.</summary>
    private static async Task<Made> SubmittedAsync(PortalFactory server, string mobile, DateTime updatedAt) =>
        await server.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var request = await TestRequests.CreateSubmittedAsync(db, mobile);
            var storedName = await AttachScanAsync(services, request);
            db.PhoneVerifications.Add(new PhoneVerification
            {
                RequestId = request.Id, Mobile = mobile, CodeHash = new string('b', 64), SentAtUtc = updatedAt, ExpiresAtUtc = updatedAt.AddMinutes(2),
                SendCount = 1, ConfirmedAtUtc = updatedAt,
            });
            await db.SaveChangesAsync();
            await db.Requests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.UpdatedAtUtc, updatedAt));
            return new Made(request.Id, storedName);
        });

    private static async Task<string> AttachScanAsync(IServiceProvider services, InquiryRequest request)
    {
        var upload = await services.GetRequiredService<DocumentStore>().SaveAsync("scan.pdf", new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()), 0, CancellationToken.None);
        var stored = upload.Document ?? throw new InvalidOperationException(upload.Refusal);
        var db = services.GetRequiredService<AppDbContext>();
        db.RequestDocuments.Add(new RequestDocument
        {
            RequestId = request.Id, Kind = DocumentKind.NationalCard, OriginalName = "scan.pdf", StoredName = stored.StoredName, ContentType = stored.ContentType,
            Length = stored.Length, Sha256 = stored.Sha256, UploadedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return stored.StoredName;
    }

    private static Task<(long Old, long Fresh)> SignInCodesAsync(PortalFactory server, string mobile) =>
        server.WithDatabaseAsync(async db =>
        {
            var sentOld = DateTime.UtcNow.AddDays(-3);
            var oldCode = new PhoneVerification { HolderKey = "holder", Mobile = mobile, CodeHash = new string('c', 64), SentAtUtc = sentOld, ExpiresAtUtc = sentOld.AddMinutes(2), SendCount = 1 };
            var freshCode = new PhoneVerification { HolderKey = "holder", Mobile = mobile, CodeHash = new string('d', 64), SentAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddMinutes(2), SendCount = 1 };
            db.PhoneVerifications.AddRange(oldCode, freshCode);
            await db.SaveChangesAsync();
            return (oldCode.Id, freshCode.Id);
        });

    private static Task<(long Old, long Fresh)> CodeSendsAsync(PortalFactory server, string mobile) =>
        server.WithDatabaseAsync(async db =>
        {
            var oldSend = new SmsCodeSend { Mobile = mobile, Sequence = 1, SentAtUtc = DateTime.UtcNow.AddDays(-3) };
            var freshSend = new SmsCodeSend { Mobile = mobile, Sequence = 2, SentAtUtc = DateTime.UtcNow };
            db.SmsCodeSends.AddRange(oldSend, freshSend);
            await db.SaveChangesAsync();
            return (oldSend.Id, freshSend.Id);
        });

    private sealed record Made(long Id, string? StoredName);
}
