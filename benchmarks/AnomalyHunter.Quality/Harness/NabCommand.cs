using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Quality.Nab;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Quality.Harness;

/// <summary>Runs a detector over the nab-open corpus in daily batches and prints the NAB figures.</summary>
public static class NabCommand
{
    /// <summary>Scores every file of the corpus and returns the scored corpus with the time taken.</summary>
    public static (List<NabScoredSeries> Scored, TimeSpan Elapsed) ScoreCorpus(IReadOnlyList<NabSeries> corpus, ISeriesScorerFactory? factory)
    {
        var stopwatch = Stopwatch.StartNew();
        var scored = new List<NabScoredSeries>(corpus.Count);
        foreach (NabSeries s in corpus)
        {
            double[] scores = factory is null
                ? TrailingZScore.Compute(s.Values)
                : DailyBatchRunner.Run(factory, s.TimestampsMs, s.Values);
            scored.Add(new NabScoredSeries(s, scores));
        }

        return (scored, stopwatch.Elapsed);
    }

    /// <summary>Time to score every file in one call each, best of three runs (the scorer's own speed, without saving and restoring state).</summary>
    public static TimeSpan TimeBackfill(IReadOnlyList<NabSeries> corpus, ISeriesScorerFactory factory)
    {
        TimeSpan best = TimeSpan.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (NabSeries s in corpus)
            {
                DailyBatchRunner.RunOnce(factory, s.TimestampsMs, s.Values);
            }

            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        return best;
    }

    /// <summary>Prints the three profiles, the per-category figures of the standard profile and the time taken.</summary>
    public static int Run(string dataPath, string detector, IReadOnlyList<string> overrides, bool perFile, string? dumpPath = null)
    {
        IReadOnlyList<NabSeries> corpus = NabCorpus.Load(dataPath);
        ISeriesScorerFactory? factory = detector == "zscore-reference" ? null : DetectorCatalog.Create(detector, overrides);
        (List<NabScoredSeries> scored, TimeSpan elapsed) = ScoreCorpus(corpus, factory);
        int rows = corpus.Sum(s => s.Values.Length);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"detector {detector} {string.Join(' ', overrides)}"));
        Console.WriteLine(string.Create(inv, $"{corpus.Count} files, {rows} rows, {corpus.Sum(s => s.Windows.Length)} windows; scored in daily batches in {elapsed.TotalMilliseconds:F0} ms ({elapsed.TotalMilliseconds * 1e6 / rows:F0} ns/row)"));
        if (factory is not null)
        {
            TimeSpan backfill = TimeBackfill(corpus, factory);
            Console.WriteLine(string.Create(inv, $"one backfill call per file (no state round trips): {backfill.TotalMilliseconds:F0} ms ({backfill.TotalMilliseconds * 1e6 / rows:F0} ns/row)"));
        }

        var results = NabProfile.All.Select(p => NabScorer.Score(scored, p)).ToList();
        foreach (NabResult r in results)
        {
            Console.WriteLine(string.Create(inv, $"{r.Profile.Name,-14} {r.NormalizedScore,7:F2}   threshold {r.Threshold,8:F3}   detected {r.DetectedWindows}/{r.Windows}   false positives {r.FalsePositives}"));
        }

        Console.WriteLine("per category at each profile's threshold (normalised score, detected/windows, false positives):");
        foreach (string category in results[0].Categories.Select(c => c.Category))
        {
            var cells = results.Select(r => r.Categories.First(c => c.Category == category))
                .Select(c => string.Create(inv, $"{c.NormalizedScore,7:F2} {c.DetectedWindows,2}/{c.Windows,-2} fp {c.FalsePositives,-4}"));
            Console.WriteLine(string.Create(inv, $"  {category,-24} {string.Join("  |", cells)}"));
        }

        if (perFile)
        {
            NabResult standard = results[0];
            foreach (NabScoredSeries s in scored)
            {
                NabResult one = NabScorer.Evaluate([s], NabProfile.Standard, standard.Threshold);
                Console.WriteLine(string.Create(inv, $"  {s.Series.Category[..8]}/{s.Series.Name,-36} raw {one.RawScore,7:F3}  detected {one.DetectedWindows}/{one.Windows}  fp {one.FalsePositives}"));
                Console.WriteLine("      " + NabDetections.Describe(s, standard.Threshold));
            }
        }

        if (dumpPath is not null)
        {
            NabDetections.Dump(scored, dumpPath);
        }

        Console.WriteLine(string.Create(inv, $"SUMMARY {results[0].NormalizedScore:F2} {results[1].NormalizedScore:F2} {results[2].NormalizedScore:F2}"));
        return 0;
    }
}
