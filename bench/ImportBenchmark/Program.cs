using System.Diagnostics;
using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Data.Seeding;

// Generates an import file of N rows with the demo generator (valid national codes, Persian names),
// then times the portal's own import command on it twice: the first run inserts, the second finds
// every row unchanged. Prints rows/s for each run. See bench/README.md.
// With "generate ROWS FILE" it only writes the file (the inquiry benchmark imports it itself).
if (args is ["generate", var countText, var target])
{
    await WriteCsvAsync(int.Parse(countText, CultureInfo.InvariantCulture), target);
    return 0;
}

if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
{
    Console.Error.WriteLine("usage: ImportBenchmark ROWS WEB_DLL [WORK_FOLDER]");
    return 2;
}

var webDll = Path.GetFullPath(args[1]);
var folder = Path.GetFullPath(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "ci-import-bench"));
Directory.CreateDirectory(folder);
var csv = Path.Combine(folder, "certificates.csv");
var database = Path.Combine(folder, "bench.db");
foreach (var file in Directory.GetFiles(folder, "bench.db*"))
{
    File.Delete(file);
}

var generation = Stopwatch.StartNew();
await WriteCsvAsync(rows, csv);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"generated {rows:N0} rows ({new FileInfo(csv).Length / 1048576.0:F0} MB) in {generation.Elapsed.TotalSeconds:F1} s"));

var exitCode = 0;
foreach (var label in new[] { "first import (inserts)", "second import (unchanged)" })
{
    var (elapsed, code, output) = await RunImportAsync(webDll, csv, database, folder);
    exitCode |= code;
    Console.WriteLine(output.TrimEnd());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {elapsed.TotalSeconds:F1} s, {rows / elapsed.TotalSeconds:N0} rows/s, exit code {code}"));
}

return exitCode;

static async Task WriteCsvAsync(int rows, string path)
{
    await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
    foreach (var line in DemoCertificateGenerator.Lines(rows - DemoCertificateGenerator.Showcase.Count))
    {
        await writer.WriteAsync(line);
        await writer.WriteAsync('\n');
    }
}

static async Task<(TimeSpan Elapsed, int ExitCode, string Output)> RunImportAsync(string webDll, string csv, string database, string folder)
{
    var start = new ProcessStartInfo("dotnet")
    {
        WorkingDirectory = folder,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.ArgumentList.Add(webDll);
    start.ArgumentList.Add("import-certificates");
    start.ArgumentList.Add(csv);
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["ConnectionStrings__Default"] = $"Data Source={database}";

    var stopwatch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    stopwatch.Stop();
    return (stopwatch.Elapsed, process.ExitCode, await output + await errors);
}
