using System.Diagnostics;
using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// Imports certificates from the CSV layout in <see cref="CertificateRowParser.Header"/>: the whole file is
/// validated first (a bad row anywhere means nothing is written), then written in one transaction, upserting
/// by certificate number so that importing the same file again changes nothing.
/// </summary>
public sealed class CertificateImporter(
    AppDbContext db,
    IOptions<DatabaseOptions> databaseOptions,
    TimeProvider clock,
    ILogger<CertificateImporter> logger)
{
    private const int ChunkSize = 1000;

    /// <summary>Imports from a source that can be opened twice (validation pass, then writing pass).</summary>
    public async Task<ImportResult> ImportAsync(
        Func<Stream> openFile, RecordSource source, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var provinces = await LoadProvinceIdsAsync(cancellationToken);
        var parser = new CertificateRowParser(provinces, IranTime.Today(clock));

        var validation = Validate(openFile, parser, cancellationToken);
        if (validation.Errors.Count > 0)
        {
            logger.LogWarning("Certificate import refused: {ErrorCount} errors, nothing written", validation.Errors.Count);
            return ImportResult.Failed(validation.Errors);
        }

        var result = await WriteAsync(openFile, parser, validation.Standards, source, cancellationToken);
        logger.LogInformation(
            "Certificate import done in {Elapsed} ms: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged",
            stopwatch.ElapsedMilliseconds, result.Inserted, result.Updated, result.Unchanged);
        return result;
    }

    private async Task<Dictionary<string, int>> LoadProvinceIdsAsync(CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().ToListAsync(cancellationToken);
        return provinces.ToDictionary(p => PersianText.Normalize(p.Name), p => p.Id, StringComparer.Ordinal);
    }

    private static ValidationOutcome Validate(Func<Stream> openFile, CertificateRowParser parser, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var standards = new Dictionary<string, StandardInFile>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new Dictionary<long, (int Line, int Fingerprint)>();

        using var reader = new CsvRecordReader(openFile());
        try
        {
            var header = reader.Read();
            if (header is null)
            {
                errors.Add(new ImportError(1, null, "فایل خالی است.", "the file is empty."));
                return new ValidationOutcome(errors, standards);
            }

            if (!header.Select(h => h.Trim()).SequenceEqual(CertificateRowParser.Header, StringComparer.Ordinal))
            {
                var expected = string.Join(',', CertificateRowParser.Header);
                errors.Add(new ImportError(reader.RecordLine, null, "سطر عنوان درست نیست؛ باید دقیقاً این باشد: " + expected,
                    "the header is wrong; it must be exactly: " + expected));
                return new ValidationOutcome(errors, standards);
            }

            var rows = 0;
            while (reader.Read() is { } fields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                var row = parser.Parse(reader.RecordLine, fields, errors);
                if (row is not null)
                {
                    CheckConsistency(row, numbers, people, standards, errors);
                }
            }

            if (rows == 0)
            {
                errors.Add(new ImportError(reader.RecordLine, null, "فایل هیچ ردیف داده‌ای ندارد.", "the file has no data rows."));
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportError(reader.CurrentLine, null, "فایل با کدگذاری UTF-8 ذخیره نشده است.", "the file is not UTF-8 text."));
        }

        return new ValidationOutcome(errors, standards);
    }

    /// <summary>Within one file a certificate number appears once, and a person or a standard is described one way.</summary>
    private static void CheckConsistency(
        CertificateImportRow row,
        Dictionary<string, int> numbers,
        Dictionary<long, (int Line, int Fingerprint)> people,
        Dictionary<string, StandardInFile> standards,
        List<ImportError> errors)
    {
        if (!numbers.TryAdd(row.Number, row.Line))
        {
            var first = numbers[row.Number];
            errors.Add(new ImportError(row.Line, "certificate_number",
                $"این شماره گواهینامه در سطر {PersianText.ToPersianDigits(first)} هم آمده است.",
                string.Create(CultureInfo.InvariantCulture, $"this certificate number also appears on line {first}.")));
        }

        var personKey = long.Parse(row.NationalCode, CultureInfo.InvariantCulture);
        var fingerprint = HashCode.Combine(row.FirstName, row.LastName, row.FatherName, row.BirthDate, row.Gender);
        if (!people.TryAdd(personKey, (row.Line, fingerprint)) && people[personKey].Fingerprint != fingerprint)
        {
            var first = people[personKey].Line;
            errors.Add(new ImportError(row.Line, "national_code",
                $"مشخصات دارنده این کد ملی با سطر {PersianText.ToPersianDigits(first)} یکی نیست (نام، نام پدر، تاریخ تولد یا جنسیت).",
                string.Create(CultureInfo.InvariantCulture, $"the holder of this national code is described differently on line {first} (name, father's name, birth date or gender).")));
        }

        var standard = new StandardInFile(row.Line, row.StandardTitle, row.StandardHours);
        if (!standards.TryAdd(row.StandardCode, standard)
            && (standards[row.StandardCode].Title != row.StandardTitle || standards[row.StandardCode].Hours != row.StandardHours))
        {
            var first = standards[row.StandardCode].Line;
            errors.Add(new ImportError(row.Line, "standard_code",
                $"عنوان یا ساعت این استاندارد با سطر {PersianText.ToPersianDigits(first)} یکی نیست.",
                string.Create(CultureInfo.InvariantCulture, $"this standard's title or hours differ from line {first}.")));
        }
    }

    private async Task<ImportResult> WriteAsync(
        Func<Stream> openFile,
        CertificateRowParser parser,
        IReadOnlyDictionary<string, StandardInFile> standards,
        RecordSource source,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var dialect = databaseOptions.Value.Provider == DatabaseProvider.SqlServer ? ImportSqlDialect.SqlServer : ImportSqlDialect.Sqlite;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = await CertificateImportWriter.BeginAsync(
                connection, dialect, clock.GetUtcNow().UtcDateTime, source, cancellationToken);
            var result = new ImportResult();
            var standardIds = await writer.UpsertStandardsAsync(
                standards.ToDictionary(s => s.Key, s => (s.Value.Title, s.Value.Hours), StringComparer.Ordinal), result, cancellationToken);

            var errors = new List<ImportError>();
            var chunk = new List<CertificateImportRow>(ChunkSize);
            using (var reader = new CsvRecordReader(openFile()))
            {
                reader.Read(); // header, checked by the validation pass
                while (reader.Read() is { } fields)
                {
                    var row = parser.Parse(reader.RecordLine, fields, errors)
                        ?? throw new InvalidOperationException("The import file changed between validation and writing.");
                    chunk.Add(row);
                    if (chunk.Count == ChunkSize)
                    {
                        await writer.WriteChunkAsync(chunk, standardIds, result, cancellationToken);
                        chunk.Clear();
                    }
                }
            }

            if (chunk.Count > 0)
            {
                await writer.WriteChunkAsync(chunk, standardIds, result, cancellationToken);
            }

            await writer.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record StandardInFile(int Line, string Title, int Hours);

    private sealed record ValidationOutcome(List<ImportError> Errors, Dictionary<string, StandardInFile> Standards);
}
