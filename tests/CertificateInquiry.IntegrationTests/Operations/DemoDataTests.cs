using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data.Seeding;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Operations;

public class DemoDataTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [SkippableFact]
    public async Task First_run_seeds_a_realistic_set_of_certificates_and_licenses()
    {
        _ = portal.Server;
        var today = IranTime.Today(TimeProvider.System);
        var stats = await portal.WithDatabaseAsync(async db => new
        {
            Total = await db.Certificates.CountAsync(),
            Licenses = await db.Certificates.CountAsync(c => c.Kind == CertificateKind.License),
            Revoked = await db.Certificates.CountAsync(c => c.Status == CertificateStatus.Revoked),
            ExpiredLicenses = await db.Certificates.CountAsync(c => c.Kind == CertificateKind.License && c.ExpiryDate < today),
            Provinces = await db.Certificates.Select(c => c.ProvinceId).Distinct().CountAsync(),
            Standards = await db.TrainingStandards.CountAsync(),
            Programs = await db.Certificates.Select(c => c.Program).Distinct().CountAsync(),
            NationalCodes = await db.People.Select(p => p.NationalCode).ToListAsync(),
        });

        Assert.Equal(DemoDataSeeder.GeneratedCertificates + DemoCertificateGenerator.Showcase.Count + DemoCertificateGenerator.ForeignShowcase.Count, stats.Total);
        Assert.InRange(stats.Licenses, 300, stats.Total / 2);
        Assert.InRange(stats.Revoked, 20, stats.Total / 10);
        Assert.InRange(stats.ExpiredLicenses, 20, stats.Licenses);
        Assert.Equal(31, stats.Provinces);
        Assert.Equal(4, stats.Programs);
        Assert.True(stats.Standards >= 20);
        Assert.All(stats.NationalCodes, code => Assert.True(HolderIdentifier.IsValid(code), code));
        Assert.Equal(DemoCertificateGenerator.ForeignShowcase.Count, stats.NationalCodes.Count(HolderIdentifier.IsForeign));
    }

    [SkippableTheory]
    [InlineData("1401-08-000101", "0076543218", CertificateStatus.Valid, false)]
    [InlineData("1402-04-000102", "1270123459", CertificateStatus.Valid, false)]
    [InlineData("1395-17-000103", "2280765438", CertificateStatus.Valid, true)]
    [InlineData("1398-13-000104", "1750987651", CertificateStatus.Revoked, false)]
    [InlineData("1403-10-000105", "0499912349", CertificateStatus.Valid, false)]
    public async Task The_lookups_the_readme_offers_are_there(string number, string nationalCode, CertificateStatus status, bool expired)
    {
        _ = portal.Server;
        var certificate = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().Include(c => c.Person)
            .SingleAsync(c => c.Number == number));

        Assert.Equal(nationalCode, certificate.Person!.NationalCode);
        Assert.Equal(status, certificate.Status);
        Assert.Equal(expired, certificate.IsExpired(IranTime.Today(TimeProvider.System)));
    }

    [SkippableTheory]
    [InlineData("1402-19-000201", "500123456781", "AF")]
    [InlineData("1403-11-000202", "500234567892", "AF")]
    [InlineData("1401-13-000203", "600345678903", "IQ")]
    [InlineData("1404-08-000204", "700456789014", "PK")]
    public async Task The_demo_has_foreign_national_holders_under_their_unique_identifier(string number, string identifier, string nationality)
    {
        _ = portal.Server;
        var person = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => c.Person!).SingleAsync());

        Assert.Equal((identifier, nationality), (person.NationalCode, person.Nationality));
    }

    [SkippableFact]
    public async Task Seeding_happens_once()
    {
        _ = portal.Server;
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        var total = await portal.WithDatabaseAsync(db => db.Certificates.CountAsync());
        Assert.Equal(DemoDataSeeder.GeneratedCertificates + DemoCertificateGenerator.Showcase.Count + DemoCertificateGenerator.ForeignShowcase.Count, total);
    }

    public sealed class PostgreSql(PostgreSqlDemoPortalFactory portal)
        : DemoDataTests(PostgreSqlVariant.Of<DemoPortalFactory>(portal)), IClassFixture<PostgreSqlDemoPortalFactory>;
}
