using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Benchmarks.PassCost;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Scheduler.Configuration;
using Microsoft.Data.Sqlite;
using Serilog;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>
/// End-to-end detect of this build against a baseline build of the product (loaded in the same process, see
/// <see cref="BaselineLoadContext.ForProduct"/>), in alternating rounds on fresh copies of one catalog: a backfill of a
/// detect-scale lake, or the daily run of a <see cref="DailyLake"/> (one new day after a backfill of the others).
/// Prints each round's process CPU ns per point, wall time, gen2 collections and peak RSS, the baseline ÷ this-build
/// ratio of the median CPU, and a hash of each build's results (anomaly rows without run ids, series and group cursors),
/// which must be equal.
/// </summary>
internal static class DetectAb
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        string baseline = PassCostArgs.Get(args, "--baseline", "");
        if (baseline.Length == 0 || !Directory.Exists(baseline))
        {
            await Console.Error.WriteLineAsync("detect-ab needs --baseline <folder of the baseline build's AnomalyHunter.*.dll>.");
            return 2;
        }

        string work = Path.GetFullPath(PassCostArgs.Get(args, "--work", Path.Combine(Path.GetTempPath(), "anomaly-hunter-detect-scale")));
        int series = int.Parse(PassCostArgs.Get(args, "--series", "1000"), Inv);
        int days = int.Parse(PassCostArgs.Get(args, "--days", "35"), Inv);
        string mode = PassCostArgs.Get(args, "--mode", "backfill");
        int rounds = int.Parse(PassCostArgs.Get(args, "--rounds", "3"), Inv);
        int parallelism = int.Parse(PassCostArgs.Get(args, "--parallelism", Environment.ProcessorCount.ToString(Inv)), Inv);
        Func<string, int, int, string, int, string, Task<(double Cpu, double Wall, long Points, int Gen2, long PeakBytes)>> product = RunOnceAsync;
        var reference = BaselineLoadContext.ForProduct(baseline).Benchmarks().GetType(typeof(DetectAb).FullName!)!
            .GetMethod(nameof(RunOnceAsync))!
            .CreateDelegate<Func<string, int, int, string, int, string, Task<(double Cpu, double Wall, long Points, int Gen2, long PeakBytes)>>>();
        Console.WriteLine(string.Create(Inv, $"detect-ab: {mode}, {series} series × {days} days, parallelism {parallelism}, {rounds} alternating rounds (baseline first); load {MachineLoad.OneMinute():F2}"));
        var cpu = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["baseline"] = [], ["this build"] = [] };
        for (int r = 0; r < rounds; r++)
        {
            foreach (var (name, run) in new[] { ("baseline", reference), ("this build", product) })
            {
                double loadBefore = MachineLoad.OneMinute();
                var (seconds, wall, points, gen2, peak) = await run(work, series, days, mode, parallelism, "ab-" + name.Replace(' ', '-'));
                double nsPerPoint = seconds * 1e9 / Math.Max(1, points);
                cpu[name].Add(nsPerPoint);
                Console.WriteLine(string.Create(Inv,
                    $"  round {r + 1} {name,-10}: {points:N0} points, CPU {nsPerPoint:F0} ns/point, wall {wall:F2} s = {points / wall / 1e6:F2} M/s, {gen2} gen2, peak RSS {peak / 1048576.0:F0} MiB; load {loadBefore:F2}→{MachineLoad.OneMinute():F2}"));
            }
        }

        double baseMedian = Median(cpu["baseline"]);
        double thisMedian = Median(cpu["this build"]);
        Console.WriteLine(string.Create(Inv, $"median CPU ns/point: baseline {baseMedian:F0}, this build {thisMedian:F0}; baseline ÷ this build = {baseMedian / thisMedian:F3}"));
        string baseHash = ResultHash(CatalogCopy(work, series, days, mode, "ab-baseline"));
        string thisHash = ResultHash(CatalogCopy(work, series, days, mode, "ab-this-build"));
        Console.WriteLine($"results hash: baseline {baseHash}, this build {thisHash}: {(baseHash == thisHash ? "identical" : "DIFFERENT")}");
        return baseHash == thisHash ? 0 : 1;
    }

    /// <summary>One detect run on a fresh catalog copy named <paramref name="copy"/>: process CPU seconds, wall seconds, points, gen2 collections, peak RSS.</summary>
    public static async Task<(double Cpu, double Wall, long Points, int Gen2, long PeakBytes)> RunOnceAsync(string work, int series, int days, string mode, int parallelism, string copy)
    {
        var ct = CancellationToken.None;
        var log = new LoggerConfiguration().CreateLogger();
        var settings = new DetectSettings { Parallelism = parallelism, GroupBy = "host" };
        var passes = DetectFactory.Scorer(settings);
        var groups = DetectFactory.Groups(settings)!;
        var options = DetectFactory.Options(settings);
        var lake = mode == "daily"
            ? await DailyLake.OpenOrCreateAsync(work, series, days, l => new DetectJob(l, passes, options, groups), log, ct)
            : await ScaleLake.OpenOrCreateAsync(work, series, days, log, ct);
        string catalogPath = lake.FreshCatalogCopy(copy);
        string lakeRoot = lake.LakeRoot;
        await using var catalog = new SqliteCatalog(catalogPath, TimeProvider.System);
        var job = new DetectJob(new Lake(catalog, lakeRoot, TimeProvider.System, log), passes, options, groups);
        ProcessMemory.ResetPeak();
        int gen2 = GC.CollectionCount(2);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await job.RunAsync(null, ct);
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalSeconds, wall, result.Points, GC.CollectionCount(2) - gen2, ProcessMemory.PeakBytes());
    }

    private static string CatalogCopy(string work, int series, int days, string mode, string copy) => Path.Combine(
        mode == "daily" ? Path.Combine(work, "daily") : work, string.Create(Inv, $"s{series}-d{days}"), copy + ".db");

    /// <summary>SHA-256 (first 16 hex digits) of the anomaly rows (run ids left out), series cursors and group cursors of a catalog, in key order.</summary>
    private static string ResultHash(string catalogPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalogPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (string sql in (string[])[
            "SELECT anomaly_id, consumer, scope, group_key, series_id, start_ts_ms, end_ts_ms, peak_ts_ms, peak_score, point_count, passes, contributions_json, is_open FROM anomalies ORDER BY anomaly_id",
            "SELECT consumer, series_id, watermark_ms, points_seen, state FROM series_cursors ORDER BY consumer, series_id",
            "SELECT consumer, group_key, watermark_ms, points_seen, state FROM group_cursors ORDER BY consumer, group_key"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(reader.GetValue(i) switch
                    {
                        byte[] bytes => bytes,
                        double d => BitConverter.GetBytes(d),
                        var v => Encoding.UTF8.GetBytes(Convert.ToString(v, Inv) + "\u001f"),
                    });
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }
}
