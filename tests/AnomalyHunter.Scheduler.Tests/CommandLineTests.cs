using System.Diagnostics;
using System.Text.Json;
using AnomalyHunter.Scheduler.Tests.Support;
using DuckDB.NET.Data;

namespace AnomalyHunter.Scheduler.Tests;

/// <summary>The real program, run as a child process: help, exit codes, configuration errors, exports, Ctrl+C.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ah-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string DataDir => Path.Combine(_root, "data");

    private string WriteSpikyCsv(string name, int rows = 2000)
    {
        string path = Path.Combine(_root, name);
        var rng = new Random(3);
        var lines = new List<string> { "timestamp,value" };
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < rows; i++)
        {
            double v = 10 + rng.NextDouble() + (i % 500 == 400 ? 50 : 0);
            lines.Add(FormattableString.Invariant($"{t0.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{v:R}"));
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("ingest", "--duplicates")]
    [InlineData("detect", "--threshold")]
    [InlineData("anomalies", "--format")]
    [InlineData("compact", "--min-files")]
    [InlineData("partitions", "--json")]
    [InlineData("series", "--filter")]
    [InlineData("snapshots", "--json")]
    [InlineData("runs", "--limit")]
    [InlineData("query", "--snapshot")]
    [InlineData("backtest", "--batch")]
    public async Task Every_command_has_help_that_describes_its_options(string command, string option)
    {
        var run = await CliProcess.RunAsync([command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--data-dir", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_help_lists_the_exit_codes()
    {
        var run = await CliProcess.RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("130 cancelled", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_exits_with_2_and_names_the_setting_and_its_allowed_values()
    {
        var env = new Dictionary<string, string> { ["ANOMALYHUNTER_Detect__Threshold"] = "250" };
        var run = await CliProcess.RunAsync(["detect", "--data-dir", DataDir], env);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Detect:Threshold", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("0..100", run.Stderr, StringComparison.Ordinal);

        var zone = await CliProcess.RunAsync(["ingest", "--data-dir", DataDir, "--time-zone", "Mars/Olympus", WriteSpikyCsv("a.csv")]);
        Assert.Equal(2, zone.ExitCode);
        Assert.Contains("NaiveTimeZone", zone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_line_options_override_environment_variables()
    {
        var env = new Dictionary<string, string> { ["ANOMALYHUNTER_Detect__Threshold"] = "250" };
        var run = await CliProcess.RunAsync(["detect", "--data-dir", DataDir, "--threshold", "60"], env);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Ingesting_only_bad_rows_exits_with_3_and_reports_the_reasons()
    {
        string bad = Path.Combine(_root, "bad.csv");
        await File.WriteAllTextAsync(bad, "timestamp,value\nnot-a-time,1\n2024-01-01T00:00:00Z,abc\n");
        var run = await CliProcess.RunAsync(["ingest", "--data-dir", DataDir, bad]);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("unparseable-timestamp", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("unparseable-value", run.Stdout, StringComparison.Ordinal);
        string quarantine = Assert.Single(Directory.GetFiles(Path.Combine(DataDir, "quarantine")));
        Assert.Equal(3, (await File.ReadAllLinesAsync(quarantine)).Length);

        var missing = await CliProcess.RunAsync(["ingest", "--data-dir", DataDir, Path.Combine(_root, "nope")]);
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task Ingest_detect_and_export_produce_readable_csv_json_and_parquet()
    {
        string csv = WriteSpikyCsv("spiky.csv");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", "--data-dir", DataDir, csv])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(["detect", "--data-dir", DataDir])).ExitCode);

        var json = await CliProcess.RunAsync(["anomalies", "--data-dir", DataDir, "--format", "json"]);
        Assert.Equal(0, json.ExitCode);
        int windows = JsonDocument.Parse(json.Stdout).RootElement.GetArrayLength();
        Assert.True(windows >= 3, json.Stdout);

        string parquet = Path.Combine(_root, "out", "anomalies.parquet");
        Assert.Equal(0, (await CliProcess.RunAsync(["anomalies", "--data-dir", DataDir, "--format", "parquet", "--output", parquet])).ExitCode);
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM read_parquet('{parquet}') WHERE PeakScore > 0 AND Start <= PeakTime";
        Assert.Equal((long)windows, await cmd.ExecuteScalarAsync());

        var csvOut = await CliProcess.RunAsync(["anomalies", "--data-dir", DataDir, "--format", "csv", "--min-score", "0"]);
        Assert.Equal(windows + 1, csvOut.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var partitions = await CliProcess.RunAsync(["partitions", "--data-dir", DataDir, "--json"]);
        Assert.Equal(2000, JsonDocument.Parse(partitions.Stdout).RootElement.GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("rows").GetInt64()));
    }

    [Fact]
    public async Task Ctrl_C_cancels_cleanly_with_exit_code_130_and_commits_nothing_partial()
    {
        var files = Enumerable.Range(0, 40).Select(i => WriteSpikyCsv($"many-{i:D2}.csv", 20_000)).ToList();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "anomaly-hunter.dll"), "ingest", "--data-dir", DataDir, .. files];
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        // why: a signal that arrives while the runtime is still starting ends the process before the command can handle
        // it; the catalog file appears once the command runs (its handler is installed), well before the 800,000 rows are in.
        string catalogFile = Path.Combine(DataDir, "catalog.db");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(catalogFile) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(10);
        }

        Assert.True(File.Exists(catalogFile), "the ingest never started: " + (process.HasExited ? await stderr : "no catalog after 2 min"));
        using (var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode != 0, "the ingest finished before the signal arrived, so cancellation was not exercised");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Cancelled", await stderr, StringComparison.Ordinal);
        // The run (if the signal came after it started) is recorded as cancelled, never left running.
        var runs = await CliProcess.RunAsync(["runs", "--data-dir", DataDir, "--json"]);
        Assert.All(JsonDocument.Parse(runs.Stdout).RootElement.EnumerateArray(), r => Assert.Equal("cancelled", r.GetProperty("outcome").GetString()));
        string lake = Path.Combine(DataDir, "lake");
        Assert.Empty(Directory.Exists(lake) ? Directory.GetFiles(lake, "*.tmp", SearchOption.AllDirectories) : []);
        var snapshots = await CliProcess.RunAsync(["snapshots", "--data-dir", DataDir, "--json"]);
        Assert.Equal(0, JsonDocument.Parse(snapshots.Stdout).RootElement.GetArrayLength());
    }
}
