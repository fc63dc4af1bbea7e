using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

public class RequestConcurrencyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task Two_staff_members_moving_the_same_request_cannot_both_save()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);
        await using var firstScope = portal.Services.CreateAsyncScope();
        await using var secondScope = portal.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await first.Requests.SingleAsync(r => r.Id == request.Id);
        var theirs = await second.Requests.SingleAsync(r => r.Id == request.Id);

        mine.MoveTo(RequestStatus.NeedsMoreDocuments, "staff-a", "الف", DateTime.UtcNow, null, "مدارک");
        await first.SaveChangesAsync();
        theirs.Answer(AnswerOutcome.NotFound, null, null, "staff-b", "ب", DateTime.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        var saved = await portal.WithDatabaseAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal(RequestStatus.NeedsMoreDocuments, saved.Status);
        Assert.Null(saved.Outcome);
    }

    public sealed class PostgreSql(PostgreSqlPortalFactory portal)
        : RequestConcurrencyTests(PostgreSqlVariant.Of(portal)), IClassFixture<PostgreSqlPortalFactory>;
}
