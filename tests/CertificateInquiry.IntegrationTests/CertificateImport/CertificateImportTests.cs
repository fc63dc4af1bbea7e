using System.Text;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.CertificateImport;

public class CertificateImportTests : IDisposable
{
    private readonly PortalFactory portal;

    public CertificateImportTests()
        : this(new PortalFactory())
    {
    }

    private protected CertificateImportTests(PortalFactory portal)
    {
        this.portal = portal;
        _ = portal.Server; // starts the portal: migrations applied
    }

    public void Dispose() => portal.Dispose();

    private async Task<ImportResult> ImportAsync(byte[] csv, RecordSource source = RecordSource.Imported)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CertificateImporter>();
        return await importer.ImportAsync(new MemoryStream(csv), source, CancellationToken.None);
    }

    private Task<(int Certificates, int People, int Standards)> CountsAsync() =>
        portal.WithDatabaseAsync(async db => (
            await db.Certificates.CountAsync(), await db.People.CountAsync(), await db.TrainingStandards.CountAsync()));

    [SkippableFact]
    public async Task Imports_every_row_with_its_holder_standard_and_a_verification_code()
    {
        var result = await ImportAsync(ImportFiles.Generated(500));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(506, result.Inserted);
        Assert.Equal((0, 0), (result.Updated, result.Unchanged));
        var (certificates, people, standards) = await CountsAsync();
        Assert.Equal(506, certificates);
        Assert.Equal(result.PeopleInserted, people);
        Assert.Equal(result.StandardsInserted, standards);

        var license = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking()
            .Include(c => c.Person).Include(c => c.Standard).Include(c => c.Province)
            .SingleAsync(c => c.Number == "1402-04-000102"));
        Assert.Equal(CertificateKind.License, license.Kind);
        Assert.Equal("1270123459", license.Person!.NationalCode);
        Assert.Equal("علی رضایی", license.Person.FullName);
        Assert.Equal("برق‌کار ساختمان درجه 2", license.Standard!.Title);
        Assert.Equal("اصفهان", license.Province!.Name);
        Assert.Equal(new DateOnly(2028, 5, 21), license.ExpiryDate);
        Assert.Equal(RecordSource.Imported, license.Source);
        Assert.True(VerificationCode.IsWellFormed(license.VerificationCode));

        var codes = await portal.WithDatabaseAsync(db => db.Certificates.Select(c => c.VerificationCode).ToListAsync());
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [SkippableFact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var csv = ImportFiles.Generated(300);
        await ImportAsync(csv);
        var before = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking()
            .OrderBy(c => c.Id).Select(c => new { c.Number, c.VerificationCode, c.UpdatedAtUtc }).ToListAsync());

        var again = await ImportAsync(csv);

        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 306), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 0, 0, 0), (again.PeopleInserted, again.PeopleUpdated, again.StandardsInserted, again.StandardsUpdated));
        var after = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking()
            .OrderBy(c => c.Id).Select(c => new { c.Number, c.VerificationCode, c.UpdatedAtUtc }).ToListAsync());
        Assert.Equal(before, after);
    }

    [SkippableFact]
    public async Task A_changed_row_updates_its_certificate_and_keeps_its_verification_code()
    {
        await ImportAsync(ImportFiles.Csv(ImportFiles.Row("1402-04-900001"), ImportFiles.Row("1402-04-900002")));
        var codeBefore = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1402-04-900001").Select(c => c.VerificationCode).SingleAsync());

        var result = await ImportAsync(ImportFiles.Csv(
            ImportFiles.Row("1402-04-900001", ("status", "revoked")),
            ImportFiles.Row("1402-04-900002"),
            ImportFiles.Row("1402-04-900003")));

        Assert.Equal((1, 1, 1), (result.Inserted, result.Updated, result.Unchanged));
        var revoked = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Number == "1402-04-900001"));
        Assert.Equal(CertificateStatus.Revoked, revoked.Status);
        Assert.Equal(codeBefore, revoked.VerificationCode);
    }

    [SkippableFact]
    public async Task People_are_matched_by_national_code_and_standards_by_code()
    {
        await ImportAsync(ImportFiles.Csv(ImportFiles.Row("1402-04-900001")));

        var result = await ImportAsync(ImportFiles.Csv(ImportFiles.Row(
            "1402-04-900009", ("birth_date", "1365/11/03"), ("standard_title", "برق‌کار ساختمان درجه دو"))));

        Assert.Equal((1, 0, 1, 0), (result.Inserted, result.PeopleInserted, result.PeopleUpdated, result.StandardsInserted));
        Assert.Equal(1, result.StandardsUpdated);
        Assert.Empty(result.NameConflicts);
        var (certificates, people, standards) = await CountsAsync();
        Assert.Equal((2, 1, 1), (certificates, people, standards));
        var person = await portal.WithDatabaseAsync(db => db.People.AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(1987, 1, 23), person.BirthDate);
    }

    [SkippableFact]
    public async Task An_existing_holder_keeps_their_name_and_a_file_that_names_them_differently_is_reported()
    {
        await ImportAsync(ImportFiles.Csv(ImportFiles.Row("1402-04-900001")));

        var result = await ImportAsync(ImportFiles.Csv(ImportFiles.Row("1402-04-900009", ("last_name", "رضائی‌نژاد"))));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var conflict = Assert.Single(result.NameConflicts);
        Assert.Equal((2, "1270123459", "علی رضایی فرزند محمود", "علی رضائی‌نژاد فرزند محمود"), (conflict.Line, conflict.NationalCode, conflict.StoredName, conflict.NameInFile));
        Assert.Equal((1, 0, 0), (result.Inserted, result.PeopleInserted, result.PeopleUpdated));
        var person = await portal.WithDatabaseAsync(db => db.People.AsNoTracking().SingleAsync());
        Assert.Equal("رضایی", person.LastName);
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Certificates.CountAsync(c => c.PersonId == person.Id)));
    }

    [SkippableFact]
    public async Task A_row_with_a_bad_field_and_a_number_used_earlier_in_the_file_reports_both()
    {
        var result = await ImportAsync(ImportFiles.Csv(
            ImportFiles.Row("1402-04-000001"),
            ImportFiles.Row("1402-04-000001", ("gender", "x"))));

        Assert.Equal([(3, "certificate_number"), (3, "gender")], result.Errors.Select(e => (e.Line, e.Column!)).Order());
    }

    [SkippableFact]
    public async Task Text_is_normalized_on_the_way_in()
    {
        var result = await ImportAsync(ImportFiles.Csv(ImportFiles.Row(
            "۱۴۰۲-۰۴-۹۰۰۰۰۵",
            ("national_code", "۱۲۷۰۱۲۳۴۵۹"),
            ("first_name", "  علي "),
            ("training_center", "مركز  شماره ۲"),
            ("province", "استان اصفهان"),
            ("issue_date", "١٤٠٢/٣/١"))));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var stored = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().Include(c => c.Person).SingleAsync());
        Assert.Equal("1402-04-900005", stored.Number);
        Assert.Equal("1270123459", stored.Person!.NationalCode);
        Assert.Equal("علی", stored.Person.FirstName);
        Assert.Equal("مرکز شماره 2", stored.TrainingCenter); // digits are stored in ASCII and shown in Persian
        Assert.Equal(4, stored.ProvinceId);
    }

    public static TheoryData<string, byte[], int, string?> BadFiles()
    {
        var valid = Enumerable.Range(1, 2500).Select(i => ImportFiles.Row($"1402-04-{i:D6}", ("national_code", NationalCodeFor(i)))).ToList();
        byte[] WithLastRow(string row) => ImportFiles.Csv([.. valid, row]);
        var lastLine = valid.Count + 2;
        return new TheoryData<string, byte[], int, string?>
        {
            { "bad national-code checksum", WithLastRow(ImportFiles.Row("1402-04-999999", ("national_code", "1270123458"))), lastLine, "national_code" },
            { "unknown province", WithLastRow(ImportFiles.Row("1402-04-999999", ("national_code", "0076543218"), ("province", "آتلانتیس"))), lastLine, "province" },
            { "bad date", WithLastRow(ImportFiles.Row("1402-04-999999", ("national_code", "0076543218"), ("exam_date", "1402/02/32"))), lastLine, "exam_date" },
            { "duplicate number in one file", WithLastRow(ImportFiles.Row("1402-04-000007", ("national_code", NationalCodeFor(7)))), lastLine, "certificate_number" },
            { "one holder described two ways", WithLastRow(ImportFiles.Row("1402-04-999999", ("national_code", NationalCodeFor(3)), ("first_name", "حسن"))), lastLine, "national_code" },
            { "wrong header", Encoding.UTF8.GetBytes("certificate_number,national_code\n" + valid[0] + "\n"), 1, null },
            { "empty file", [], 1, null },
            { "header only", Encoding.UTF8.GetBytes(ImportFiles.Header + "\n"), 1, null },
            { "not UTF-8", [.. WithLastRow(ImportFiles.Row("1402-04-999999", ("national_code", "0076543218"))).SkipLast(1), 0xE1, 0xC7, 0x0A], lastLine, null },
        };
    }

    [SkippableTheory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_with_one_bad_row_writes_nothing_and_names_the_row(string problem, byte[] csv, int line, string? column)
    {
        await ImportAsync(ImportFiles.Csv(ImportFiles.Row("1402-04-000001", ("national_code", NationalCodeFor(1)), ("status", "revoked"))));
        var before = await CountsAsync();

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded, problem);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(before, await CountsAsync());
        var first = await portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Number == "1402-04-000001"));
        Assert.Equal(CertificateStatus.Revoked, first.Status); // the file's valid copy of this row (status valid) was not applied
    }

    [SkippableFact]
    public async Task Every_error_of_a_file_is_reported_not_only_the_first()
    {
        var result = await ImportAsync(ImportFiles.Csv(
            ImportFiles.Row("1402-04-000001", ("national_code", "1111111111")),
            ImportFiles.Row("1402-04-000002"),
            ImportFiles.Row("1402-04-000003", ("gender", "unknown"), ("province", "?"))));

        Assert.Equal([(2, "national_code"), (4, "gender"), (4, "province")], result.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    private static string NationalCodeFor(int i) =>
        CertificateInquiry.Web.Infrastructure.Persian.NationalCode.Complete((100_000_000 + (i * 7919)).ToString("D9"));

    public sealed class PostgreSql() : CertificateImportTests(PostgreSqlVariant.New<PostgreSqlPortalFactory>());
}
