using System.Globalization;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>Prints the stage lines as they finish and the final table with the acceptance ratios.</summary>
internal static class DetectScaleReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void PrintLine(StageResult r) => Console.WriteLine(string.Create(Inv,
        $"  [{r.Size}] {r.Stage}: {r.Points:N0} points in {r.Seconds:F2} s = {r.PointsPerSecond / 1e6:F2} M/s; CPU {r.CpuNsPerPoint:F0} ns/point ({r.CpuSeconds / r.Seconds:F2} cores busy); peak RSS {r.PeakBytes / 1048576.0:F0} MiB; load {r.LoadBefore:F2}→{r.LoadAfter:F2}"));

    public static void Print(IReadOnlyList<StageResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| size | stage | points | s | M points/s | CPU ns/point | cores busy | peak RSS MiB | load 1-min (before→after) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(Inv,
                $"| {r.Size} | {r.Stage} | {r.Points:N0} | {r.Seconds:F2} | {r.PointsPerSecond / 1e6:F2} | {r.CpuNsPerPoint:F0} | {r.CpuSeconds / r.Seconds:F2} | {r.PeakBytes / 1048576.0:F0} | {r.LoadBefore:F2}→{r.LoadAfter:F2} |"));
        }

        Console.WriteLine();
        var detects = results.Where(r => r.Stage.StartsWith("end-to-end", StringComparison.Ordinal)).ToList();
        foreach (var d in detects)
        {
            var duck = results.FirstOrDefault(r => r.Size == d.Size && r.Stage.StartsWith("baseline", StringComparison.Ordinal));
            string ratio = duck is null ? "no baseline" : string.Create(Inv, $"{d.PointsPerSecond / duck.PointsPerSecond:F2}× the DuckDB baseline (target ≥ 3×)");
            Console.WriteLine(string.Create(Inv,
                $"ratio [{d.Size}]: detect {d.PointsPerSecond / 1e6:F2} M/s (target ≥ 10) = {ratio}; peak {d.PeakBytes / 1048576.0:F0} MiB (target ≤ 2048)"));
        }

        if (detects.Count >= 2)
        {
            var first = detects[0];
            var last = detects[^1];
            double wallRatio = (last.Seconds / last.Points) / (first.Seconds / first.Points);
            double cpuRatio = last.CpuNsPerPoint / first.CpuNsPerPoint;
            Console.WriteLine(string.Create(Inv,
                $"cost per point [{last.Size}] vs [{first.Size}]: {(wallRatio - 1) * 100:+0.0;-0.0}% wall-clock, {(cpuRatio - 1) * 100:+0.0;-0.0}% CPU time (target within ±20%)"));
        }
    }
}
