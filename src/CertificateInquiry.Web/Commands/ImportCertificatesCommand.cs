using System.CommandLine;
using System.Globalization;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Commands;

/// <summary>
/// <c>import-certificates FILE.csv</c>: runs the certificate import on a file and prints the outcome in Persian and
/// English. Exit code 2 when the file is missing, 1 when any row is wrong (nothing is written), 0 when imported.
/// </summary>
public sealed class ImportCertificatesCommand : Command
{
    private readonly Argument<string> file = new("FILE.csv")
    {
        Description = "a UTF-8 CSV file in the import format (see the README); a relative path is taken from the folder the command is typed in",
    };

    public ImportCertificatesCommand()
        : base("import-certificates", "Import certificates and licenses from a CSV file: all rows or none.")
    {
        Arguments.Add(file);
    }

    public string FilePath(ParseResult parsed) => parsed.GetRequiredValue(file);

    public static async Task<int> RunAsync(
        CertificateImporter importer, string path, TextWriter output, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await errorOutput.WriteLineAsync($"فایل پیدا نشد. | File not found: {path}");
            return 2;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        var result = await importer.ImportAsync(stream, RecordSource.Imported, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errorOutput.WriteLineAsync(error.ToString());
            }

            await errorOutput.WriteLineAsync(
                $"{PersianText.ToPersianDigits(result.Errors.Count)} خطا؛ هیچ ردیفی ثبت نشد. | {result.Errors.Count.ToString(CultureInfo.InvariantCulture)} errors; nothing was written.");
            return 1;
        }

        await output.WriteLineAsync(ImportSummary.Format(result));
        return 0;
    }
}
