using System.Globalization;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Query;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Demo;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Scoring;

namespace AnomalyHunter.Quality.Synthetic;

/// <summary>
/// Runs the CLI demo's pipeline (synthetic data, daily ingest + detect, SQLite catalog and Parquet lake in a temporary
/// folder) at the product configuration plus overrides, and prints the per-kind recall and precision.
/// </summary>
public static class SyntheticCommand
{
    /// <summary>Runs the replay; <paramref name="overrides"/> are configuration keys (<c>Detect:Threshold=25</c>). Returns 0 when recall per kind and overall precision reach <paramref name="target"/>.</summary>
    public static async Task<int> RunAsync(long seed, int days, double? threshold, IReadOnlyList<string> overrides, bool details, double target, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string item in overrides)
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"Override '{item}' is not Key=Value.", nameof(overrides));
            }

            settings[item[..eq]] = item[(eq + 1)..];
        }

        if (threshold is double t)
        {
            settings["Detect:Threshold"] = t.ToString("R", CultureInfo.InvariantCulture);
        }

        string work = Directory.CreateTempSubdirectory("ah-synthetic-").FullName;
        try
        {
            SyntheticReplayResult result;
            DetectSettings detect;
            await using (var host = await AppHost.StartAsync(new GlobalValues(work, null, null, false), settings, cancellationToken))
            {
                result = await SyntheticReplay.RunAsync(host, seed, days, (_, _, _) => { }, cancellationToken);
                detect = host.Settings.Detect;
            }

            Print(result, overrides, threshold);
            if (details)
            {
                PrintDetails(result);
                var diagnosis = new LabelDiagnosis(detect, seed, days);
                diagnosis.PrintFalse(FalseWindows(result).Select(a => (a.Series, a.Start, a.PeakTime, a.Points, a.PeakScore)), limit: 80);
                diagnosis.PrintMissed(Missed(result), result.Scoring.Tolerance, detect.Threshold);
            }

            bool pass = result.Rows.Where(r => r.Labelled > 0 && r.Kind != DetectionScorer.AllRow).All(r => r.Recall >= target)
                && result.Rows.Single(r => r.Kind == DetectionScorer.AllRow).Precision >= target;
            Console.WriteLine(pass ? "PASS" : "FAIL");
            return pass ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(SyntheticReplayResult result, IReadOnlyList<string> overrides, double? threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"detector {result.Consumer} {(threshold is null ? string.Empty : $"threshold {threshold} ")}{string.Join(' ', overrides)}"));
        Console.WriteLine(string.Create(inv, $"{result.Series} series, {result.Days} daily batches, {result.PointsScored:N0} points, {result.Labels.Count} labels"));
        // why: a window's row is the kind the replay named (see SyntheticReplay); "agrees" counts its correct windows whose label has that kind.
        Console.WriteLine($"{"kind",-22}{"labelled",9}{"found",7}{"recall",8}{"windows",9}{"correct",9}{"precision",11}{"agrees",8}{"kind agrees",13}");
        foreach (KindScore r in result.Rows)
        {
            Console.WriteLine(string.Create(inv, $"{r.Kind,-22}{r.Labelled,9}{r.Found,7}{Ratio(r.Recall),8}{r.Windows,9}{r.Correct,9}{Ratio(r.Precision),11}{r.Agrees,8}{Ratio(r.Agreement),13}"));
        }

        Console.WriteLine("named kind: labelled kinds of its windows");
        foreach (var named in DetectionScorer.Confusion(result.Windows, result.Labels, result.Scoring).GroupBy(c => c.Named))
        {
            Console.WriteLine($"  {named.Key,-20}" + string.Join(", ", named.Select(c => string.Create(inv, $"{c.Labelled} {c.Windows}"))));
        }

        Console.WriteLine(string.Create(inv, $"time: {result.Elapsed.TotalSeconds:F1} s in all, {result.DetectTime.TotalSeconds:F1} s in detect, {result.NamingTime.TotalSeconds:F1} s naming kinds"));
    }

    private static string Ratio(double? r) => r is double v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";

    /// <summary>Where the false windows come from (scope, passes, length, metric), and the labels that were missed.</summary>
    private static void PrintDetails(SyntheticReplayResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var falseWindows = FalseWindows(result);
        Console.WriteLine("false windows by scope and passes:");
        foreach (var g in falseWindows.GroupBy(a => $"{a.Scope}/{a.Passes}").OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(inv, $"  {g.Key,-40}{g.Count(),7}  one-point {g.Count(a => a.Points == 1),6}  peak median {Median(g.Select(a => a.PeakScore)),6:F1}"));
        }

        // why: how well the peak score separates what the detector should report from what it should not, per pass combination and metric.
        var falseSet = falseWindows.ToHashSet();
        Console.WriteLine("peak score of correct vs false windows (count, quartiles):");
        foreach (var g in result.Anomalies.Where(a => a.Passes != DetectOptions.MissingDataPass).GroupBy(a => a.Passes).OrderByDescending(g => g.Count()))
        {
            PrintSeparation(g.Key, g.Where(a => !falseSet.Contains(a)).ToList(), g.Where(falseSet.Contains).ToList());
        }

        foreach (var g in result.Anomalies.Where(a => a.Passes != DetectOptions.MissingDataPass).GroupBy(a => a.Metric).OrderByDescending(g => g.Count()))
        {
            PrintSeparation(g.Key, g.Where(a => !falseSet.Contains(a)).ToList(), g.Where(falseSet.Contains).ToList());
        }

        if (result.Anomalies.Count > 0)
        {
            // why: windows in a series' first days come from passes that have not yet learned its daily pattern.
            DateTime first = result.Anomalies.Min(a => a.Start).Date;
            Console.WriteLine("false windows by day of the replay:");
            Console.WriteLine("  " + string.Join(' ', falseWindows.GroupBy(a => (a.Start - first).Days).OrderBy(g => g.Key).Select(g => string.Create(inv, $"d{g.Key}:{g.Count()}"))));
        }

        Console.WriteLine("false windows by metric:");
        foreach (var g in falseWindows.GroupBy(a => a.Metric).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(inv, $"  {g.Key,-40}{g.Count(),7}"));
        }
    }

    /// <summary>The windows that overlap no label of their series (within the scoring tolerance).</summary>
    private static List<AnomalyRow> FalseWindows(SyntheticReplayResult result)
    {
        var tolerance = result.Scoring.Tolerance;
        var bySeries = result.Labels.SelectMany(l => l.Members.Select(m => (Label: l, Member: m))).ToLookup(x => x.Member.SeriesKey, StringComparer.Ordinal);
        return [.. result.Anomalies.Where(a => !bySeries[a.Series].Any(x => Hits(a, x.Member, tolerance))).OrderBy(a => a.Metric, StringComparer.Ordinal).ThenBy(a => a.Start)];
    }

    /// <summary>The labels no window overlaps (within the scoring tolerance) in any member series.</summary>
    private static IEnumerable<AnomalyLabel> Missed(SyntheticReplayResult result)
    {
        var tolerance = result.Scoring.Tolerance;
        var bySeriesWindows = result.Anomalies.ToLookup(a => a.Series, StringComparer.Ordinal);
        return result.Labels.Where(l => !l.Members.Any(m => bySeriesWindows[m.SeriesKey].Any(a => Hits(a, m, tolerance))));
    }

    private static bool Hits(AnomalyRow a, AffectedSeries m, TimeSpan tolerance) => new DateTimeOffset(a.Start) <= m.End + tolerance && new DateTimeOffset(a.End) >= m.Start;

    private static void PrintSeparation(string name, List<AnomalyRow> correct, List<AnomalyRow> wrong)
    {
        static string Quartiles(List<AnomalyRow> rows)
        {
            var sorted = rows.Select(a => a.PeakScore).Order().ToList();
            return sorted.Count == 0
                ? "-"
                : string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Count / 4],5:F1} {sorted[sorted.Count / 2],5:F1} {sorted[3 * sorted.Count / 4],5:F1}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} correct {correct.Count,4} {Quartiles(correct),-17}  false {wrong.Count,4} {Quartiles(wrong)}"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
