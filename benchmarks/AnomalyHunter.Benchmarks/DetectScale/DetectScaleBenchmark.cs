using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Scheduler.Configuration;
using Serilog;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>
/// The detect engine's speed and memory acceptance: for each size (series × ~10,000 points, stored in the lakehouse),
/// the Parquet read rate, each pass alone, the end-to-end detect job with the product configuration, its peak memory,
/// and DuckDB's SQL statistical pass over the same files as the baseline, all in one process.
/// </summary>
internal static class DetectScaleBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var o = DetectScaleOptions.Parse(args);
        var log = new LoggerConfiguration().CreateLogger();
        var ct = CancellationToken.None;
        // why: the shipped passes plus the PCA group pass (off by default), so every pass is measured.
        var settings = new DetectSettings { Parallelism = o.Parallelism, GroupBy = "host" };
        var passes = DetectFactory.Scorer(settings);
        var groups = DetectFactory.Groups(settings)!;
        var options = DetectFactory.Options(settings);
        Console.WriteLine(string.Create(Inv, $"detect-scale: sizes {string.Join(", ", o.Series.Select(s => $"{s}×{o.Days * 288}"))}, passes {settings.Passes} + {groups.Factory.Name} by {groups.Label}, parallelism {o.Parallelism}, {Environment.ProcessorCount} cores"));
        var results = new List<StageResult>();
        foreach (int series in o.Series)
        {
            var clock = Stopwatch.StartNew();
            var lake = await ScaleLake.OpenOrCreateAsync(o.Work, series, o.Days, log, ct);
            Console.WriteLine(string.Create(Inv, $"lake {lake.Directory} ready in {clock.Elapsed.TotalSeconds:F0} s (generation is not measured)"));
            string size = string.Create(Inv, $"{series}×{o.Days * 288}");
            await using var catalog = new SqliteCatalog(lake.FreshCatalogCopy("detect-run"), TimeProvider.System);
            var product = new Lake(catalog, lake.LakeRoot, TimeProvider.System, log);
            var files = await catalog.ListFilesAsync(await catalog.CurrentSnapshotAsync(ct), ct);

            if (o.Stages.Contains("read"))
            {
                long rows = 0;
                results.Add(await MeasureAsync(size, "Parquet read (product reader, all files)", async () =>
                {
                    foreach (var f in files)
                    {
                        rows += (await product.Files.ReadAsync(f, null, ct)).Count;
                    }

                    return rows;
                }));
            }

            if (o.Stages.Contains("detect"))
            {
                var job = new DetectJob(product, passes, options, groups);
                results.Add(await MeasureAsync(size, "end-to-end detect (read + 3 passes + PCA + windows + commit)", async () =>
                {
                    var r = await job.RunAsync(null, ct);
                    Console.WriteLine(string.Create(Inv, $"    {r.Series} series, {r.Groups} groups, {r.WindowsChanged} windows"));
                    return r.Points;
                }));
            }

            if (o.Stages.Contains("passes"))
            {
                var data = await InMemorySeries.LoadAsync(catalog, product.Files, groups.Label, o.PassSeries, ct);
                string sub = string.Create(Inv, $"{data.Series.Count} series in memory: ");
                foreach (var pass in passes.Passes)
                {
                    results.Add(Measure(size, sub + pass.Name + " alone", data.Points, () => PassRates.Univariate(data, pass, o.Parallelism)));
                }

                results.Add(Measure(size, sub + "combined (3 passes)", data.Points, () => PassRates.Combined(data, passes, o.Parallelism)));
                results.Add(Measure(size, sub + "combined, day by day over all series (as a job batch)", data.Points, () => PassRates.CombinedDayMajor(data, passes, o.Parallelism)));
                results.Add(Measure(size, sub + "combined (3 passes), again", data.Points, () => PassRates.Combined(data, passes, o.Parallelism)));
                results.Add(Measure(size, sub + "pca alone (align + score)", data.Points, () => PassRates.Pca(data, groups.Factory, o.Parallelism)));
            }

            if (o.Stages.Contains("duckdb"))
            {
                long points = files.Sum(f => f.RowCount);
                results.Add(await MeasureAsync(size, "baseline: DuckDB SQL median/MAD + 60-point rolling z", async () =>
                {
                    long flagged = await DuckDbBaseline.RunAsync([.. files.Select(f => product.Layout.Absolute(f.Path))], ct);
                    Console.WriteLine(string.Create(Inv, $"    {flagged} points flagged"));
                    return points;
                }));
            }
        }

        DetectScaleReport.Print(results);
        return 0;
    }

    private static async Task<StageResult> MeasureAsync(string size, string stage, Func<Task<long>> run)
    {
        ProcessMemory.ResetPeak();
        double loadBefore = MachineLoad.OneMinute();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        long points = await run();
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        Console.WriteLine(string.Create(Inv,
            $"    GC: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s"));
        var result = new StageResult(size, stage, points, seconds, (process.TotalProcessorTime - cpu).TotalSeconds, ProcessMemory.PeakBytes(), loadBefore, MachineLoad.OneMinute());
        DetectScaleReport.PrintLine(result);
        return result;
    }

    private static StageResult Measure(string size, string stage, long points, Func<(double Seconds, double CpuSeconds)> run)
    {
        ProcessMemory.ResetPeak();
        double loadBefore = MachineLoad.OneMinute();
        var (seconds, cpu) = run();
        var result = new StageResult(size, stage, points, seconds, cpu, ProcessMemory.PeakBytes(), loadBefore, MachineLoad.OneMinute());
        DetectScaleReport.PrintLine(result);
        return result;
    }
}
