using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// The demo portal with a second certificate for the demo's first holder (مریم احمدی, 0076543218), so that a holder
/// has more than one record, and one for a second holder, whose records must never appear on the first one's pages.
/// </summary>
public sealed class HolderPortalFactory : PortalFactory
{
    public const string Holder = "0076543218";
    public const string FirstNumber = "1401-08-000101";
    public const string SecondNumber = "1403-08-000201";
    public const string OtherHolder = "1270123459";
    public const string OtherNumber = "1402-04-000102";
    public const string PrisonHolder = "3712345674";
    public const string PrisonNumber = "1404-22-000106";

    protected override bool SeedDemoData => true;

    private bool seeded;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Adds the second certificate once per portal.</summary>
    public async Task<PortalFactory> ReadyAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!seeded)
            {
                await WithDatabaseAsync(async db =>
                {
                    var person = await db.People.SingleAsync(p => p.NationalCode == Holder);
                    var first = await db.Certificates.SingleAsync(c => c.Number == FirstNumber);
                    db.Certificates.Add(new Certificate
                    {
                        Number = SecondNumber,
                        Kind = CertificateKind.License,
                        PersonId = person.Id,
                        StandardId = first.StandardId,
                        ExamDate = new DateOnly(2024, 5, 1),
                        IssueDate = new DateOnly(2024, 6, 1),
                        ExpiryDate = new DateOnly(2029, 6, 1),
                        ProvinceId = first.ProvinceId,
                        TrainingCenter = "کارگاه آموزشی زندان مرکزی",
                        Program = TrainingProgram.Judiciary,
                        Source = RecordSource.Imported,
                        VerificationCode = VerificationCode.New(),
                        CreatedAtUtc = DateTime.UtcNow,
                        UpdatedAtUtc = DateTime.UtcNow,
                    });
                    return await db.SaveChangesAsync();
                });
                seeded = true;
            }
        }
        finally
        {
            gate.Release();
        }

        return this;
    }
}
