using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CertificateInquiry.IntegrationTests.AgencyApi.Batches;

/// <summary>
/// The portal run as the real executable, killed with SIGKILL in the middle of a batch and started again on the same
/// data folder: the batch resumes and ends with exactly one result and one audit row per input row.
/// </summary>
public sealed class BatchCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 1500;

    private readonly string folder = Directory.CreateTempSubdirectory("ci-batch-crash-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process being reaped: the OS temp cleaner takes it.
        }
    }

    [Fact]
    public async Task A_kill_9_mid_batch_loses_and_doubles_no_row()
    {
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        var first = Start(port);
        string location;
        int processedAtKill;
        (string ClientId, string Secret) credentials;
        try
        {
            await WaitUntilHealthyAsync(http, first);
            credentials = await CreateAgencyAsync();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, credentials));
            using var upload = await http.SendAsync(BatchApi.Upload(BatchApi.Form(BatchApi.Csv(true, Lines()), "crash.csv"), "crash-1"));
            Assert.True(upload.StatusCode == HttpStatusCode.Accepted, await upload.Content.ReadAsStringAsync());
            location = upload.Headers.Location!.OriginalString;

            // Killed once some rows, but not all, are committed (one row per chunk in this test).
            processedAtKill = await Poll.UntilAsync(
                async () => (await BatchAsync(http, location)).GetProperty("counts").GetProperty("processed").GetInt32(),
                processed => processed >= 20,
                "the batch did not start within 60 s",
                TimeSpan.FromSeconds(60));
            first.Kill();
            await first.WaitForExitAsync();
        }
        finally
        {
            Kill(first);
        }

        Assert.True(processedAtKill < Rows, "The batch finished before the kill: the test proves nothing.");

        var second = Start(port);
        JsonElement batch;
        try
        {
            await WaitUntilHealthyAsync(http, second);

            // A new process may sign tokens with its own ephemeral key: the agency asks for a new token, as after any restart.
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, credentials));
            batch = await Poll.UntilAsync(() => BatchAsync(http, location), b => b.GetProperty("status").GetString() == "completed",
                "the batch did not complete after the restart", TimeSpan.FromSeconds(180));
            var lines = BatchApi.CsvLines(await http.GetByteArrayAsync(location + "/results?format=csv"));
            Assert.Equal(Enumerable.Range(1, Rows).Select(n => n.ToString(CultureInfo.InvariantCulture)), lines.Select(line => line[1]));
            Assert.Equal(Enumerable.Range(1, Rows).Select(n => "r" + n.ToString(CultureInfo.InvariantCulture)), lines.Select(line => line[0]));
        }
        finally
        {
            Kill(second);
        }

        output.WriteLine($"killed after {processedAtKill} of {Rows} rows");
        Assert.Equal(Rows, batch.GetProperty("counts").GetProperty("processed").GetInt32());
        Assert.Equal(Rows, batch.GetProperty("counts").GetProperty("notFound").GetInt32() + batch.GetProperty("counts").GetProperty("invalid").GetInt32()
            + batch.GetProperty("counts").GetProperty("verified").GetInt32());
        var id = location[(location.LastIndexOf('/') + 1)..];
        Assert.Equal(Rows, await ScalarAsync($"SELECT COUNT(*) FROM \"AgencyBatchRows\" WHERE \"BatchId\" = '{id}' AND \"Processed\" = 1"));
        Assert.Equal(Rows, await ScalarAsync($"SELECT COUNT(*) FROM \"InquiryAudit\" WHERE \"InquiryId\" LIKE '{id}-%'"));
        Assert.Equal(Rows, await ScalarAsync($"SELECT COUNT(DISTINCT \"InquiryId\") FROM \"InquiryAudit\" WHERE \"InquiryId\" LIKE '{id}-%'"));
    }

    /// <summary>Rows with distinct, well-formed national codes (nothing is found in an empty portal: every row is not_found).</summary>
    private static string[] Lines() =>
        [.. Enumerable.Range(1, Rows).Select(n => $"r{n},{NationalCode(100_000 + n)},1401-08-{n:000000},,")];

    private static string NationalCode(int seed)
    {
        var digits = seed.ToString("000000000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        return digits + (remainder < 2 ? remainder : 11 - remainder).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> BatchAsync(HttpClient http, string location)
    {
        using var response = await http.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the test's own SQL with a batch id it read
        command.CommandText = sql;
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(string ClientId, string Secret)> CreateAgencyAsync()
    {
        var start = Settings(new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true }, 0);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"));
        foreach (var argument in new[] { "create-agency-client", "--name", "سازمان آزمون دسته", "--kind", "Government", "--scopes", "inquiry.verify,batch", "--quota", "100000" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        var created = JsonDocument.Parse(stdout).RootElement;
        return (created.GetProperty("client_id").GetString()!, created.GetProperty("client_secret").GetString()!);
    }

    private static async Task<string> TokenAsync(HttpClient http, (string ClientId, string Secret) credentials)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.Secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private ProcessStartInfo Settings(ProcessStartInfo start, int port)
    {
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_CONTENTROOT"] = WebProjectFolder();
        start.Environment["AllowedHosts"] = "*";
        start.Environment["Portal__PublicAddress"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "portal.db")}";
        start.Environment["Database__DataFolder"] = folder;
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["Captcha__Enabled"] = "false";
        start.Environment["Audit__ClientAddressKey"] = "crash-test-key";
        start.Environment["AgencyApi__RequireHttps"] = "false";
        start.Environment["AgencyApi__BatchChunkSize"] = "1";
        start.Environment["AgencyApi__BatchLease"] = "00:00:02";
        start.Environment["AgencyApi__BatchPollInterval"] = "00:00:00.500";
        foreach (var (key, value) in ProductionTestKeys.Settings(folder))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "portal-.log");
        start.Environment.Remove("PWD");
        return start;
    }

    private Process Start(int port)
    {
        var start = Settings(new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true }, port);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(WebProjectFolder());
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.WriteLine("portal: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task WaitUntilHealthyAsync(HttpClient http, Process portal) =>
        Poll.UntilAsync(
            async () =>
            {
                Assert.False(portal.HasExited, $"The portal exited with code {(portal.HasExited ? portal.ExitCode : 0)}.");
                try
                {
                    return (await http.GetAsync("/health")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            },
            "the portal did not become healthy within 30 s",
            TimeSpan.FromSeconds(30));

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WebProjectFolder() => SourceTree.Path("src", "CertificateInquiry.Web");
}
