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

    /// <summary>Evaluates every scenario at <see cref="ScoreScale.DefaultThreshold"/>; returns 0 when all criteria hold, 1 otherwise.</summary>
    public static int Run(string dataPath, string detector, IReadOnlyList<string> overrides, ScoreStream stream = ScoreStream.Alert, string? dumpDirectory = null)
    {
        ISeriesScorerFactory factory = DetectorCatalog.Create(detector, overrides);
        var inv = CultureInfo.InvariantCulture;
        double threshold = ScoreScale.DefaultThreshold;
        Console.WriteLine(string.Create(inv, $"detector {detector} {string.Join(' ', overrides)} (stream {stream}); threshold {threshold}, runs merged when ≤ {MergeGap} rows apart"));
        int detected = 0, windows = 0, reported = 0, overlapping = 0, early = 0, earlyRequired = 0;
        foreach (DemoScenario scenario in DemoCorpus.Scenarios)
        {
            (long[] ts, double[] values) = NabCorpus.ReadCsv(Path.Combine(dataPath, scenario.File));
            double[] scores = DailyBatchRunner.Run(factory, ts, values, stream);
            DemoEvaluation e = DemoEvaluation.Evaluate(scenario, scores, threshold, MergeGap);
            if (dumpDirectory is not null)
            {
                Directory.CreateDirectory(dumpDirectory);
                var deviations = new double[values.Length];
                var explained = new double[values.Length * 16];
                ISeriesScorer once = factory.Create();
                string[] lines = new string[values.Length];
                if (once is IContributingSeriesScorer c && c.PassNames.Count <= 16)
                {
                    int passes = c.PassNames.Count;
                    c.Score(ts, values, deviations, explained.AsSpan(0, values.Length * passes));
                    for (int i = 0; i < values.Length; i++)
                    {
                        lines[i] = string.Create(inv, $"{i},{values[i]:G6},{scores[i]:F1},{deviations[i]:F1},{string.Join(',', explained.Skip(i * passes).Take(passes).Select(v => v.ToString("F1", inv)))}");
                    }
                }

                File.WriteAllLines(Path.Combine(dumpDirectory, scenario.File), lines);
            }

            string runs = string.Join(' ', e.ReportedWindows.Select(r => string.Create(inv, $"[{r.Start}..{r.End}]")));
            Console.WriteLine(string.Create(inv, $"  {scenario.File,-28} detected {e.Detected}/{e.Windows}  overlapping {e.ReportedOverlapping}/{e.Reported}  early {e.Early}/{e.EarlyRequired}  reported {runs}"));
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
