using System.Diagnostics;
using System.Text;

namespace AnomalyHunter.Scheduler.Tests.Support;

/// <summary>Runs the real anomaly-hunter program as a child process, optionally killing it with SIGKILL after a delay.</summary>
internal static class CliProcess
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "anomaly-hunter.dll");

    public sealed record Outcome(int? ExitCode, bool Killed, string Stdout, string Stderr);

    public static async Task<Outcome> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? killAfter = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Program);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool killed = false;
        if (killAfter is TimeSpan delay)
        {
            using var timeout = new CancellationTokenSource(delay);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // why: Process.Kill sends SIGKILL on Unix; the program gets no chance to clean up, as in a real crash.
                process.Kill(entireProcessTree: true);
                killed = true;
            }
        }

        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            await process.WaitForExitAsync(limit.Token);
        }

        return new Outcome(killed ? null : process.ExitCode, killed, await stdout, await stderr);
    }
}
