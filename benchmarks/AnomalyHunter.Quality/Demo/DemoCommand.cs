using System.Globalization;
using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Quality.Nab;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Quality.Demo;

/// <summary>Runs a detector over the demo scenarios in daily batches and prints the acceptance criteria per file.</summary>
public static class DemoCommand
{
    /// <summary>Reported runs closer than this many rows are merged into one reported window.</summary>
    public const int MergeGap = 5;

    /// <summary>Evaluates every scenario at <see cref="ScoreScale.DefaultThreshold"/> (on the deviation output when the detector has one); returns 0 when all criteria hold, 1 otherwise.</summary>
    public static int Run(string dataPath, string detector, IReadOnlyList<string> overrides)
    {
        ISeriesScorerFactory factory = DetectorCatalog.Create(detector, overrides);
        var inv = CultureInfo.InvariantCulture;
        double threshold = ScoreScale.DefaultThreshold;
        string output = factory.Create() is IDeviationSeriesScorer ? "deviation output" : "score";
        Console.WriteLine(string.Create(inv, $"detector {detector} {string.Join(' ', overrides)}; {output} at threshold {threshold}, runs merged when ≤ {MergeGap} rows apart"));
        int detected = 0, windows = 0, reported = 0, overlapping = 0, early = 0, earlyRequired = 0;
        foreach (DemoScenario scenario in DemoCorpus.Scenarios)
        {
            (long[] ts, double[] values) = NabCorpus.ReadCsv(Path.Combine(dataPath, scenario.File));
            (double[] alerts, double[]? deviations) = DailyBatchRunner.RunWithDeviations(factory, ts, values);
            double[] scores = deviations ?? alerts;
            string alertRows = string.Join(' ', DemoEvaluation.ReportedRuns(alerts, threshold, 0).Select(r => r.Start.ToString(inv)));
            DemoEvaluation e = DemoEvaluation.Evaluate(scenario, scores, threshold, MergeGap);
            string runs = string.Join(' ', e.ReportedWindows.Select(r => string.Create(inv, $"[{r.Start}..{r.End}]")));
            Console.WriteLine(string.Create(inv, $"  {scenario.File,-28} detected {e.Detected}/{e.Windows}  overlapping {e.ReportedOverlapping}/{e.Reported}  early {e.Early}/{e.EarlyRequired}  reported {runs}{(deviations is null ? string.Empty : "  alerts at " + alertRows)}"));
            detected += e.Detected;
            windows += e.Windows;
            reported += e.Reported;
            overlapping += e.ReportedOverlapping;
            early += e.Early;
            earlyRequired += e.EarlyRequired;
        }

        double share = reported == 0 ? 1.0 : overlapping / (double)reported;
        bool pass = detected == windows && share >= 0.9 && early == earlyRequired;
        Console.WriteLine(string.Create(inv, $"TOTAL detected {detected}/{windows}  overlapping {overlapping}/{reported} ({100 * share:F0}%)  early {early}/{earlyRequired}  => {(pass ? "PASS" : "FAIL")}"));
        return pass ? 0 : 1;
    }
}
