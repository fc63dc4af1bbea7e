using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Answer letters issued the way the back-office issues them: the answered request loaded, <c>IssueAsync</c>, then
/// the caller's SaveChanges.
/// </summary>
internal static class AnswerLetterSeeds
{
    public const string SignerName = "محمدرضا نوروزی";
    public const string SignerTitle = "مدیر کل آموزش فنی و حرفه‌ای استان تهران";

    public sealed record Issued(long Id, long RequestId, string LetterNumber, int ProvinceId, int JalaliYear, int Sequence, string VerificationCode);

    public static Task<int> ProvinceIdAsync(PortalFactory portal, string name) =>
        portal.WithDatabaseAsync(db => db.Provinces.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    /// <summary>A manager of <paramref name="provinceId"/> as the letter needs one (the account need not exist).</summary>
    public static StaffUser Manager(int? provinceId) => new()
    {
        Id = "manager-" + (provinceId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "national"),
        FullName = SignerName,
        Title = SignerTitle,
        ProvinceId = provinceId,
    };

    /// <summary>An answered request (outcome as asked) in <paramref name="province"/>, not yet with a letter.</summary>
    public static async Task<TrackedRequests.Seeded> AnsweredAsync(PortalFactory portal, AnswerOutcome outcome = AnswerOutcome.Confirmed, string province = "تهران")
    {
        var seeded = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered, outcome);
        if (province != "تهران")
        {
            var provinceId = await ProvinceIdAsync(portal, province);
            await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == seeded.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ProvinceId, provinceId)));
        }

        return seeded;
    }

    /// <summary>Issues and saves the request's letter, with the portal's clock or <paramref name="clock"/>.</summary>
    public static Task<Issued> IssueAsync(PortalFactory portal, long requestId, TimeProvider? clock = null) =>
        portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var letters = Letters(services, clock);
            var request = await db.Requests.SingleAsync(r => r.Id == requestId);
            var letter = await letters.IssueAsync(request, Manager(request.ProvinceId), CancellationToken.None);
            await db.SaveChangesAsync();
            return Describe(letter);
        });

    public static AnswerLetters Letters(IServiceProvider services, TimeProvider? clock) => clock is null
        ? services.GetRequiredService<AnswerLetters>()
        : new AnswerLetters(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<AnswerLetterDocument>(), clock, NullLogger<AnswerLetters>.Instance);

    public static Issued Describe(AnswerLetter letter) =>
        new(letter.Id, letter.RequestId, letter.LetterNumber, letter.ProvinceId, letter.JalaliYear, letter.Sequence, letter.VerificationCode);
}
