namespace CertificateInquiry.RoundRobin;

/// <summary>
/// <c>dotnet run --project tests/CertificateInquiry.RoundRobin -- --listen http://127.0.0.1:5080 --backend http://127.0.0.1:5081 --backend …</c>.
/// A class of its own, not top-level statements, whose Program would clash with the portal's in the tests that reference both.
/// </summary>
public static class RoundRobinProgram
{
    public static async Task<int> Main(string[] args)
    {
        var listen = Values(args, "--listen").SingleOrDefault();
        var backends = Values(args, "--backend").Select(value => new Uri(value)).ToList();
        if (listen is null || backends.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: --listen http://127.0.0.1:PORT --backend http://127.0.0.1:PORT [--backend …]");
            return 2;
        }

        await using var proxy = await RoundRobinProxy.StartAsync(new Uri(listen), backends);
        Console.WriteLine($"Round robin listening on {proxy.Address} for {string.Join(", ", backends)}");
        await proxy.WaitForShutdownAsync();
        return 0;
    }

    private static IEnumerable<string> Values(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal))
            {
                yield return args[i + 1];
            }
        }
    }
}
