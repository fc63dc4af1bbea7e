using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Data.Seeding;
using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>Fills an empty embedded database with demo certificates, through the same import as operators use.</summary>
public sealed class DemoDataSeeder(AppDbContext db, CertificateImporter importer, ILogger<DemoDataSeeder> logger)
{
    public const int GeneratedCertificates = 3000;

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(cancellationToken))
        {
            return;
        }

        var csv = DemoCertificateGenerator.Csv(GeneratedCertificates);
        var result = await importer.ImportAsync(new MemoryStream(csv, writable: false), RecordSource.Electronic, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo data did not pass the import's validation: " + result.Errors[0]);
        }

        // A few foreign nationals (Afghan, Iraqi, Pakistani holders), through the import's foreign nationals' columns.
        var foreign = await importer.ImportAsync(new MemoryStream(DemoCertificateGenerator.ForeignCsv(), writable: false), RecordSource.Electronic, cancellationToken);
        if (!foreign.Succeeded)
        {
            throw new InvalidOperationException("The demo foreign nationals did not pass the import's validation: " + foreign.Errors[0]);
        }

        // The import format has no column for it: a first-degree electrician needs the second-degree certificate first.
        await db.TrainingStandards.Where(s => DemoCertificateGenerator.StandardsWithPrerequisite.Contains(s.Code))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RequiresPrerequisite, true), cancellationToken);
        logger.LogInformation("Demo data seeded: {Certificates} certificates for {People} people", result.Inserted + foreign.Inserted, result.PeopleInserted + foreign.PeopleInserted);
    }
}
