using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Files;
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

    /// <summary>
    /// Validates and writes in one read of the file: a reader thread parses and checks rows while this one writes
    /// them inside a transaction. The first error stops the writing, the reading goes on to report every error,
    /// and the transaction is rolled back, so a file with a bad row anywhere writes nothing.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream file, RecordSource source, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var provinces = await LoadProvinceIdsAsync(cancellationToken);
        var parser = new CertificateRowParser(provinces, IranTime.Today(clock));
        var validation = new FileValidation();
        var chunks = Channel.CreateBounded<List<CertificateImportRow>>(
            new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadFile(file, parser, validation, chunks.Writer, cancellationToken), cancellationToken);

        var dialect = ImportSqlDialect.For(databaseOptions.Value.Provider);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = await CertificateImportWriter.BeginAsync(
                db.Database.GetDbConnection(), dialect, clock.GetUtcNow().UtcDateTime, source, cancellationToken);
            var result = new ImportResult();
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                if (!validation.ErrorFound)
                {
                    await writer.WriteChunkAsync(chunk, result, cancellationToken);
                }
            }

            await reading;
            if (validation.Errors.Count > 0)
            {
                logger.LogWarning("Certificate import refused: {ErrorCount} errors, nothing written", validation.Errors.Count);
                return ImportResult.Failed(validation.Errors);
            }

            await writer.CommitAsync(cancellationToken);
            logger.LogInformation(
                "Certificate import done in {Elapsed} ms: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged",
                stopwatch.ElapsedMilliseconds, result.Inserted, result.Updated, result.Unchanged);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Dictionary<string, int>> LoadProvinceIdsAsync(CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().ToListAsync(cancellationToken);
        return provinces.ToDictionary(p => PersianText.Normalize(p.Name), p => p.Id, StringComparer.Ordinal);
    }

    private static void ReadFile(
        Stream file, CertificateRowParser parser, FileValidation validation,
        ChannelWriter<List<CertificateImportRow>> chunks, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            using var reader = new CsvRecordReader(file);
            try
            {
                ReadRecords(reader, parser, validation, chunks, cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                validation.Add(new ImportError(reader.CurrentLine, null, "فایل با کدگذاری UTF-8 ذخیره نشده است.", "the file is not UTF-8 text."));
            }
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            chunks.TryComplete(failure);
        }
    }

    private static void ReadRecords(
        CsvRecordReader reader, CertificateRowParser parser, FileValidation validation,
        ChannelWriter<List<CertificateImportRow>> chunks, CancellationToken cancellationToken)
    {
        var header = reader.Read();
        if (header is null)
        {
            validation.Add(new ImportError(1, null, "فایل خالی است.", "the file is empty."));
            return;
        }

        if (CertificateRowParser.ForeignColumnsIn(header) is not { } foreignColumns)
        {
            var expected = string.Join(',', CertificateRowParser.Header);
            var foreign = string.Join(',', CertificateRowParser.ForeignColumns);
            validation.Add(new ImportError(reader.RecordLine, null,
                "سطر عنوان درست نیست؛ باید دقیقاً این باشد: " + expected + " (برای اتباع خارجی، با دو ستون " + foreign + " در پایان)",
                "the header is wrong; it must be exactly: " + expected + " (for foreign nationals, followed by " + foreign + ")"));
            return;
        }

        parser.HasForeignColumns = foreignColumns;

        var rows = 0;
        var chunk = new List<CertificateImportRow>(ChunkSize);
        while (reader.Read() is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            var row = parser.Parse(reader.RecordLine, fields, validation.Errors);
            if (row is not null)
            {
                CheckConsistency(row, validation);
            }
            else if (parser.NumberOf(fields) is { } number)
            {
                CheckNumberUnique(reader.RecordLine, number, validation); // a bad row still lists a repeated number
            }

            if (validation.Errors.Count > 0)
            {
                validation.ErrorFound = true;
                continue;
            }

            chunk.Add(row!);
            if (chunk.Count == ChunkSize)
            {
                SendChunk(chunks, chunk, cancellationToken);
                chunk = new List<CertificateImportRow>(ChunkSize);
            }
        }

        if (rows == 0)
        {
            validation.Add(new ImportError(reader.RecordLine, null, "فایل هیچ ردیف داده‌ای ندارد.", "the file has no data rows."));
        }
        else if (chunk.Count > 0 && !validation.ErrorFound)
        {
            SendChunk(chunks, chunk, cancellationToken);
        }
    }

    private static void SendChunk(ChannelWriter<List<CertificateImportRow>> chunks, List<CertificateImportRow> chunk, CancellationToken cancellationToken)
    {
        // The reader thread waits here when the writer is behind: the bounded channel keeps memory flat.
        chunks.WriteAsync(chunk, cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Within one file a certificate number appears once, and a person or a standard is described one way.</summary>
    private static void CheckConsistency(CertificateImportRow row, FileValidation validation)
    {
        var (people, standards, errors) = (validation.People, validation.Standards, validation.Errors);
        CheckNumberUnique(row.Line, row.Number, validation);

        var personKey = CertificateImportWriter.PersonKey(row.NationalCode);
        var fingerprint = HashCode.Combine(row.FirstName, row.LastName, row.FatherName, row.BirthDate, row.Gender, row.Nationality);
        if (!people.TryAdd(personKey, (row.Line, fingerprint)) && people[personKey].Fingerprint != fingerprint)
        {
            var first = people[personKey].Line;
            errors.Add(new ImportError(row.Line, "national_code",
                $"مشخصات دارنده این {HolderIdentifier.Label(row.NationalCode)} با سطر {PersianText.ToPersianDigits(first)} یکی نیست (نام، نام پدر، تاریخ تولد، جنسیت یا ملیت).",
                string.Create(CultureInfo.InvariantCulture, $"the holder of this identifier is described differently on line {first} (name, father's name, birth date, gender or nationality).")));
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

    private static void CheckNumberUnique(int line, string number, FileValidation validation)
    {
        if (!validation.Numbers.TryAdd(number, line))
        {
            var first = validation.Numbers[number];
            validation.Errors.Add(new ImportError(line, "certificate_number",
                $"این شماره گواهینامه در سطر {PersianText.ToPersianDigits(first)} هم آمده است.",
                string.Create(CultureInfo.InvariantCulture, $"this certificate number also appears on line {first}.")));
        }
    }

    private sealed record StandardInFile(int Line, string Title, int Hours);

    /// <summary>What the reader thread has learnt of the file so far.</summary>
    private sealed class FileValidation
    {
        private volatile bool errorFound;

        public List<ImportError> Errors { get; } = [];

        public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, (int Line, int Fingerprint)> People { get; } = [];

        public Dictionary<string, StandardInFile> Standards { get; } = new(StringComparer.Ordinal);

        /// <summary>Read by the writer without a lock: once set it stays set.</summary>
        public bool ErrorFound
        {
            get => errorFound;
            set => errorFound = value;
        }

        public void Add(ImportError error)
        {
            Errors.Add(error);
            ErrorFound = true;
        }
    }
}
