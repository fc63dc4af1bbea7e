using System.Diagnostics;
using System.Text;

namespace CertificateInquiry.TestSupport;

/// <summary>What a finished process left: its exit code and everything it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Errors);

/// <summary>
/// Runs a program to its end, as the tests run the portal's commands and the tools that read PDFs back (poppler,
/// zbar, MSBuild): standard output and error read at once in the background (a child that fills one pipe while
/// the test waits on the other never hangs), both as UTF-8, and on timeout the whole process tree killed and the
/// test failed. The one place the test projects start a process that ends.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Time enough for the slowest run (a command migrating a new database on a loaded machine).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <param name="file">The program: a name on the PATH or a path.</param>
    /// <param name="arguments">Passed one by one, never through a shell.</param>
    /// <param name="environment">Variables set for the child over the test's own; a <c>null</c> value removes one.</param>
    /// <param name="timeout">After this the tree is killed and <see cref="TimeoutException"/> thrown (2 minutes unless given).</param>
    /// <param name="workingDirectory">The child's working folder; the test's own unless given.</param>
    /// <param name="standardInput">Written to the child's standard input, which is then closed (closed at once when <c>null</c>).</param>
    public static async Task<ProcessResult> RunAsync(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        string? standardInput = null)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            StandardInputEncoding = Utf8,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var limit = timeout ?? DefaultTimeout;
        var command = string.Join(' ', [file, .. start.ArgumentList]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited (or closed its input) without reading it: its exit code and output tell the test why.
        }

        using var expiry = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(expiry.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // a web server that never exits, and whatever it started
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            var said = await Task.WhenAll(output, errors).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            throw new TimeoutException($"{command} did not exit within {limit} and was killed. Output: {said[0]} Errors: {said[1]}");
        }

        return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }

    /// <summary><see cref="RunAsync"/> for a synchronous caller (a PDF read back inside an assertion).</summary>
    public static ProcessResult Run(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null) =>
        RunAsync(file, arguments, environment, timeout).GetAwaiter().GetResult();
}
