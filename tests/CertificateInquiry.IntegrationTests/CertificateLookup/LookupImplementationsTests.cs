using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Features.CertificateLookup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

/// <summary>The SQLite prepared statements answer exactly what the EF queries (used on SQL Server) answer.</summary>
public sealed class LookupImplementationsTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Both_implementations_find_the_same_records_and_miss_the_same_keys()
    {
        var samples = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking()
            .OrderBy(c => c.Id).Where(c => c.Id % 37 == 0 || c.ExpiryDate != null && c.Id % 11 == 0)
            .Select(c => new { c.Number, c.Person!.NationalCode, c.VerificationCode }).Take(150).ToListAsync());
        Assert.True(samples.Count > 50);

        await using var scope = portal.Services.CreateAsyncScope();
        var ef = scope.ServiceProvider.GetRequiredService<EfCertificateLookups>();
        var sqlite = portal.Services.GetRequiredService<SqliteCertificateLookups>();
        Assert.IsType<SqliteCertificateLookups>(scope.ServiceProvider.GetRequiredService<ICertificateLookups>());

        foreach (var sample in samples)
        {
            var expected = await ef.FindAsync(sample.Number, sample.NationalCode);
            Assert.NotNull(expected);
            Assert.Equal(expected, await sqlite.FindAsync(sample.Number, sample.NationalCode));
            Assert.Equal(await ef.FindByNumberAsync(sample.Number), await sqlite.FindByNumberAsync(sample.Number));
            Assert.Equal(await ef.FindByVerificationCodeAsync(sample.VerificationCode), await sqlite.FindByVerificationCodeAsync(sample.VerificationCode));
            var everyCertificate = await ef.FindAllByNationalCodeAsync(sample.NationalCode);
            Assert.Contains(expected, everyCertificate);
            Assert.Equal(everyCertificate, await sqlite.FindAllByNationalCodeAsync(sample.NationalCode));
        }

        var holderOfSeveral = await portal.WithDatabaseAsync(db => db.People.AsNoTracking()
            .Where(p => db.Certificates.Count(c => c.PersonId == p.Id) > 1).Select(p => p.NationalCode).FirstAsync());
        var several = await sqlite.FindAllByNationalCodeAsync(holderOfSeveral);
        Assert.True(several.Count > 1);
        Assert.Equal(await ef.FindAllByNationalCodeAsync(holderOfSeveral), several);
        Assert.Equal(several.OrderBy(r => r.IssueDate).ThenBy(r => r.Id), several);

        Assert.Null(await sqlite.FindAsync(samples[0].Number, samples[1].NationalCode));
        Assert.Null(await sqlite.FindByNumberAsync("0000-00-000000"));
        Assert.Null(await sqlite.FindByVerificationCodeAsync("zzzzzzzzzzzzzzzz"));
        Assert.Empty(await sqlite.FindAllByNationalCodeAsync("0000000000"));
    }

    [Fact]
    public async Task A_change_written_elsewhere_is_seen_by_the_next_lookup()
    {
        var sqlite = portal.Services.GetRequiredService<SqliteCertificateLookups>();
        Assert.Equal(Web.Domain.CertificateStatus.Revoked, (await sqlite.FindByNumberAsync("1398-13-000104"))!.Status);

        await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1398-13-000104")
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, Web.Domain.CertificateStatus.Valid)));
        try
        {
            Assert.Equal(Web.Domain.CertificateStatus.Valid, (await sqlite.FindByNumberAsync("1398-13-000104"))!.Status);
        }
        finally
        {
            await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1398-13-000104")
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, Web.Domain.CertificateStatus.Revoked)));
        }
    }
}
