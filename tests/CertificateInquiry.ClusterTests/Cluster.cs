using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CertificateInquiry.ClusterTests;

/// <summary>
/// The cluster of <c>scripts/cluster.sh</c>, started once for all the cluster tests: three portals (Production mode,
/// SMS and fees through the fakes) on one PostgreSQL database and one Redis, behind the round-robin helper. The
/// servers are reached through <see cref="Proxy"/> as the public would, or one by one (<see cref="Server"/>) with a
/// client address of the test's choosing in <c>X-Forwarded-For</c>, which the portals believe from 127.0.0.1 as they
/// would from a load balancer. Without <c>CI_POSTGRES</c> and <c>CI_REDIS</c> nothing is started and every test is
/// skipped, saying why; under <c>CI=true</c> their absence fails the tests instead.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    /// <summary>Inquiries one client address may make in the window, on all three servers together.</summary>
    public const int InquiriesPerWindow = 9;

    /// <summary>Inquiries before the CAPTCHA is asked for, on all three servers together.</summary>
    public const int FreeInquiries = 3;

    public const int Servers = 3;

    /// <summary>Failed sign-ins on one e-mail before it is held back, for a minute: long enough for a loaded machine.</summary>
    public const int FreeSignInFailures = 4;

    private readonly string folder = Directory.CreateTempSubdirectory("ci-cluster-").FullName;
    private readonly int port = FreePortBlock();
    private readonly Dictionary<int, int> pids = [];
    private readonly List<int> restarted = [];
    private Process? script;

    /// <summary>Why the cluster is not there, or null when it is.</summary>
    public string? Missing { get; private set; }

    public Uri Proxy => new($"http://127.0.0.1:{port}");

    public Uri Server(int n) => new($"http://127.0.0.1:{port + n}");

    /// <summary>The fake SMS operator's list of what it was sent (FakeKavenegar).</summary>
    public Uri Fakes => new($"http://127.0.0.1:{port + 19}");

    /// <summary>The portals' database, as they reach it.</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("CI_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("CI_REDIS");
        if (string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(redis))
        {
            Missing = "the cluster needs PostgreSQL and Redis: set CI_POSTGRES (an Npgsql connection string that may create databases) and CI_REDIS (host:port), as .ci/run does";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true: " + Missing);
            }

            return;
        }

        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SourceTree.Path("scripts", "cluster.sh"));
        foreach (var (name, value) in Settings(postgres, redis))
        {
            start.Environment[name] = value;
        }

        script = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        script.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        script.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();

        // Three portals start one after the other on two cores shared with the other test projects.
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(folder, "ready")))
        {
            if (script.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(6))
            {
                string said;
                lock (output)
                {
                    said = output.ToString();
                }

                throw new InvalidOperationException($"scripts/cluster.sh did not come up:{Environment.NewLine}{said}{Environment.NewLine}{ServerLogs()}");
            }

            await Task.Delay(200);
        }

        for (var n = 1; n <= Servers; n++)
        {
            pids[n] = int.Parse(File.ReadAllText(Path.Combine(folder, $"server-{n}.pid")).Trim(), CultureInfo.InvariantCulture);
        }

        DatabaseConnectionString = PortalSetting("ConnectionStrings__Default");
    }

    public async Task DisposeAsync()
    {
        if (script is { HasExited: false })
        {
            // The script's trap stops the servers and drops the database: it must get a SIGTERM, not a kill.
            await SignalAsync(script.Id, "TERM");
            if (!script.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                script.Kill(entireProcessTree: true);
            }
        }

        script?.Dispose();

        // A server a test started again is not the script's child: its trap does not reach it.
        foreach (var pid in restarted)
        {
            await SignalAsync(pid, "TERM");
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a server's last log line may still be in flight; the temp folder is cleaned with the machine
        }
    }

    /// <summary>Skips the calling test when the cluster could not be started here.</summary>
    public void SkipUnlessRunning() => Skip.If(Missing is not null, Missing);

    /// <summary>A client that speaks to the round-robin address, cookies kept, redirects not followed.</summary>
    public HttpClient ThroughProxy(CookieContainer? cookies = null) => Client(Proxy, cookies, clientAddress: null);

    /// <summary>A client of server <paramref name="n"/> alone, as if the load balancer had sent it there for <paramref name="clientAddress"/>.</summary>
    public HttpClient OnServer(int n, string clientAddress, CookieContainer? cookies = null) => Client(Server(n), cookies, clientAddress);

    /// <summary>The server whose process is <paramref name="pid"/>, or 0.</summary>
    public int ServerOfProcess(int pid) => pids.FirstOrDefault(pair => pair.Value == pid).Key;

    /// <summary>Kills server <paramref name="n"/> as a power cut would: no shutdown, nothing flushed.</summary>
    public async Task KillAsync(int n)
    {
        Assert.Equal(0, await SignalAsync(pids[n], "KILL"));
        await Poll.UntilAsync(async () => !await AnswersAsync(n), $"server {n} gone");
    }

    /// <summary>Starts server <paramref name="n"/> again with the launcher the script wrote, and waits until it answers.</summary>
    public async Task RestartAsync(int n)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, $"server-{n}.sh"));
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        pids[n] = process.Id;
        restarted.Add(process.Id);
        await Poll.UntilAsync(() => AnswersAsync(n), $"server {n} back", TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs one of the portal's operator commands with the cluster's settings (as an operator on one of the servers would).</summary>
    public async Task<ProcessResult> CommandAsync(params string[] arguments)
    {
        var environment = File.ReadAllLines(Path.Combine(folder, "portal.env"))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => (string?)parts[1], StringComparer.Ordinal);
        environment["Database__DataFolder"] = Path.Combine(folder, "operator");
        environment["Database__MigrateOnStartup"] = "false";
        return await ProcessRunner.RunAsync(
            "dotnet",
            [SourceTree.Path("src", "CertificateInquiry.Web", "bin", "Debug", "net10.0", "CertificateInquiry.Web.dll"), .. arguments],
            environment,
            workingDirectory: SourceTree.Path("src", "CertificateInquiry.Web"));
    }

    /// <summary>A statement on the portals' database, and what it returns.</summary>
    public async Task<T> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the tests' own constant SQL; values are bound as parameters
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        return read(reader);
    }

    /// <summary>What the servers wrote to their consoles, for a failure's message.</summary>
    public string ServerLogs() => string.Join(
        Environment.NewLine,
        Enumerable.Range(1, Servers).Select(n => Path.Combine(folder, $"server-{n}.log")).Where(File.Exists)
            .Select(path => $"--- {Path.GetFileName(path)} ---{Environment.NewLine}{Tail(path)}"));

    private static string Tail(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(40));
    }

    private IEnumerable<(string Name, string Value)> Settings(string postgres, string redis) =>
    [
        ("CLUSTER_POSTGRES", postgres),
        ("CLUSTER_REDIS", redis),
        ("CLUSTER_PORT", port.ToString(CultureInfo.InvariantCulture)),
        ("CLUSTER_DIR", folder),
        ("CLUSTER_NO_BUILD", "1"),
        ("Redis__KeyPrefix", $"cluster-{port}:"),
        ("RateLimiting__InquiriesPerWindow", InquiriesPerWindow.ToString(CultureInfo.InvariantCulture)),
        ("RateLimiting__Window", "00:30:00"),
        ("Captcha__FreeInquiriesPerWindow", FreeInquiries.ToString(CultureInfo.InvariantCulture)),
        ("Captcha__Window", "00:30:00"),
        ("Captcha__Difficulty", "1"),
        ("Staff__SignInThrottle__FreeFailuresPerAccount", FreeSignInFailures.ToString(CultureInfo.InvariantCulture)),
        ("Staff__SignInThrottle__FirstDelay", "00:01:00"),
        ("AgencyApi__BatchChunkSize", "50"),
        ("AgencyApi__BatchLease", "00:00:08"),
        ("AgencyApi__BatchPollInterval", "00:00:01"),
        ("Notifications__PollInterval", "00:00:01"),
        ("Notifications__Lease", "00:00:10"),
        ("Notifications__SendTimeout", "00:00:05"),
        ("Serilog__MinimumLevel__Default", "Information"),
    ];

    private string PortalSetting(string name) =>
        File.ReadAllLines(Path.Combine(folder, "portal.env")).Select(line => line.Split('=', 2))
            .Single(parts => parts.Length == 2 && parts[0] == name)[1];

    private async Task<bool> AnswersAsync(int n)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await client.GetAsync(new Uri(Server(n), "/health"));
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static HttpClient Client(Uri address, CookieContainer? cookies, string? clientAddress)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

        // Production accepts only its public host name (ADR-014), as a browser at the public address would send it.
        client.DefaultRequestHeaders.Host = "localhost";
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }

        return client;
    }

    /// <summary>A port with the next 20 free too: the proxy, three portals and the fakes sit at fixed offsets from it.</summary>
    private static int FreePortBlock()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(20_000, 40_000);
            if (Enumerable.Range(start, 20).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException("No block of 20 free ports.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Sends a signal with kill(1): .NET's Process.Kill only ever sends SIGKILL.</summary>
    private static async Task<int> SignalAsync(int pid, string signal) =>
        (await ProcessRunner.RunAsync("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])).ExitCode;
}
