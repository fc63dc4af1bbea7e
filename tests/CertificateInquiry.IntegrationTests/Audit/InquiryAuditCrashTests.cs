using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CertificateInquiry.IntegrationTests.Audit;

/// <summary>
/// The portal run as the real executable, killed with SIGKILL (<c>kill -9</c>) under a stream of lookups, then started
/// again on the same data folder: every lookup whose answer reached the client must be in the inquiry audit.
/// </summary>
public sealed class InquiryAuditCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-audit-crash-").FullName;

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
    public async Task A_kill_9_under_load_loses_no_acknowledged_audit_entry()
    {
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        var first = Start(port);
        long acknowledged;
        try
        {
            await WaitUntilHealthyAsync(http, first);
            acknowledged = await LookUpThenKillAsync(http, first);
        }
        finally
        {
            Kill(first);
        }

        var second = Start(port);
        long recorded;
        try
        {
            await WaitUntilHealthyAsync(http, second);
            recorded = await WaitForAuditCountAsync(acknowledged, TimeSpan.FromSeconds(15));
        }
        finally
        {
            Kill(second);
        }

        output.WriteLine($"acknowledged lookups: {acknowledged}, audit entries after restart: {recorded}, lost: {Math.Max(0, acknowledged - recorded)}");
        Assert.True(acknowledged > 100, $"The load made only {acknowledged} lookups: the test proves nothing.");
        Assert.True(recorded >= acknowledged, $"{acknowledged - recorded} of {acknowledged} acknowledged lookups were lost from the audit.");
    }

    // Lookups from 8 concurrent clients; the process is killed while they run, once at least 2 s have passed and 500
    // lookups were answered (however slow the machine). Counts the answers that arrived whole.
    private static async Task<long> LookUpThenKillAsync(HttpClient http, Process portal)
    {
        long acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/certificates/lookup")
                {
                    Content = new FormUrlEncodedContent([new("NationalCode", "0076543218"), new("CertificateNumber", "1401-08-000101")]),
                };
                request.Headers.Add("Sec-Fetch-Site", "same-origin");
                try
                {
                    using var response = await http.SendAsync(request, stop.Token);
                    var body = await response.Content.ReadAsStringAsync(stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK && body.Contains("lookup-miss", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref acknowledged);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
                {
                    return; // the portal is gone
                }
            }
        })).ToArray();

        var started = Stopwatch.StartNew();
        await Poll.LatestAsync(
            () => Task.FromResult(Interlocked.Read(ref acknowledged)),
            answered => answered >= 500 && started.Elapsed >= TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(60));

        portal.Kill(); // SIGKILL: no shutdown code runs
        await portal.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        return Interlocked.Read(ref acknowledged);
    }

    // The audit's row count once it reaches atLeast, or after the timeout what it holds (the test says how many were lost).
    private Task<long> WaitForAuditCountAsync(long atLeast, TimeSpan timeout) =>
        Poll.LatestAsync(
            async () =>
            {
                await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False;Mode=ReadOnly");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM \"InquiryAudit\"";
                return (long)(await command.ExecuteScalarAsync())!;
            },
            count => count >= atLeast,
            timeout);

    private Process Start(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(WebProjectFolder());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AllowedHosts"] = "*";
        start.Environment["Portal__PublicAddress"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "portal.db")}";
        start.Environment["Database__DataFolder"] = folder;
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["Captcha__Enabled"] = "false";
        start.Environment["Audit__ClientAddressKey"] = "crash-test-key";
        foreach (var (key, value) in ProductionTestKeys.Settings(folder))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "portal-.log");
        start.Environment.Remove("PWD");
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
