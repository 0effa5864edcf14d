using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Quality.Nab;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Quality.Harness;

/// <summary>Runs a detector over the nab-open corpus in daily batches and prints the NAB figures.</summary>
public static class NabCommand
{
    /// <summary>Scores every file of the corpus and returns the scored corpus with the time taken.</summary>
    public static (List<NabScoredSeries> Scored, TimeSpan Elapsed) ScoreCorpus(IReadOnlyList<NabSeries> corpus, ISeriesScorerFactory? factory, ScoreStream stream = ScoreStream.Alert)
    {
        var stopwatch = Stopwatch.StartNew();
        var scored = new List<NabScoredSeries>(corpus.Count);
        foreach (NabSeries s in corpus)
        {
            double[] scores = factory is null
                ? TrailingZScore.Compute(s.Values)
                : DailyBatchRunner.Run(factory, s.TimestampsMs, s.Values, stream);
            scored.Add(new NabScoredSeries(s, scores));
        }

        return (scored, stopwatch.Elapsed);
    }

    private const int ThroughputRepeats = 5;

    /// <summary>Nanoseconds per row of one warm backfill pass over the corpus, wall clock and process CPU time (the best of a few repeats each).</summary>
    /// <remarks>On a shared machine the CPU time is the fairer figure: it does not count time the process waited for a core.</remarks>
    public static (double Wall, double Cpu) Throughput(IReadOnlyList<NabSeries> corpus, ISeriesScorerFactory factory, ScoreStream stream)
    {
        int rows = corpus.Sum(s => s.Values.Length);
        double bestWall = double.PositiveInfinity;
        double bestCpu = double.PositiveInfinity;
        using var process = Process.GetCurrentProcess();
        for (int repeat = 0; repeat < ThroughputRepeats; repeat++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            foreach (NabSeries s in corpus)
            {
                DailyBatchRunner.RunOnce(factory, s.TimestampsMs, s.Values, stream);
            }

            bestWall = Math.Min(bestWall, stopwatch.Elapsed.TotalMilliseconds * 1e6 / rows);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds * 1e6 / rows);
        }

        return (bestWall, bestCpu);
    }

    /// <summary>Prints the three profiles, the per-category figures of the standard profile and the time taken.</summary>
    public static int Run(string dataPath, string detector, IReadOnlyList<string> overrides, bool perFile, ScoreStream stream = ScoreStream.Alert, string? dumpDirectory = null)
    {
        IReadOnlyList<NabSeries> corpus = NabCorpus.Load(dataPath);
        ISeriesScorerFactory? factory = detector == "zscore-reference" ? null : DetectorCatalog.Create(detector, overrides);
        (List<NabScoredSeries> scored, TimeSpan elapsed) = ScoreCorpus(corpus, factory, stream);
        var inv = CultureInfo.InvariantCulture;
        if (dumpDirectory is not null)
        {
            Dump(scored, factory, dumpDirectory);
        }

        int code = Report(scored, detector, overrides, elapsed, perFile, string.Create(inv, $"scored in daily batches (stream {stream}; time incl. state save/restore and first-call JIT)"));
        if (factory is not null)
        {
            (double wall, double cpu) = Throughput(corpus, factory, stream);
            Console.WriteLine(string.Create(inv, $"single-pass throughput (warm, best of {ThroughputRepeats}): {wall:F0} ns/row wall clock, {cpu:F0} ns/row CPU"));
        }

        return code;
    }

    /// <summary>Writes one score file per series and, for detectors that explain their scores, one file of per-pass contributions.</summary>
    public static void Dump(IReadOnlyList<NabScoredSeries> scored, ISeriesScorerFactory? factory, string dumpDirectory)
    {
        var inv = CultureInfo.InvariantCulture;
        Directory.CreateDirectory(dumpDirectory);
        foreach (NabScoredSeries s in scored)
        {
            File.WriteAllLines(Path.Combine(dumpDirectory, s.Series.Name + ".csv"), s.Scores.Select(v => v.ToString("R", inv)));
            if (factory?.Create() is IContributingSeriesScorer explained)
            {
                // why: the per-pass contributions explain a score; they come from one backfill pass, equal to the daily batches.
                int passes = explained.PassNames.Count;
                var contributions = new double[s.Series.Values.Length * passes];
                explained.Score(s.Series.TimestampsMs, s.Series.Values, new double[s.Series.Values.Length], contributions);
                File.WriteAllLines(
                    Path.Combine(dumpDirectory, s.Series.Name + ".passes.csv"),
                    Enumerable.Range(0, s.Series.Values.Length).Select(i => string.Join(',', contributions.Skip(i * passes).Take(passes).Select(v => v.ToString("F1", inv)))).Prepend(string.Join(',', explained.PassNames)));
            }
        }
    }

    /// <summary>Prints the figures of an already scored corpus.</summary>
    public static int Report(IReadOnlyList<NabScoredSeries> scored, string detector, IReadOnlyList<string> overrides, TimeSpan elapsed, bool perFile, string how)
    {
        var corpus = scored.Select(s => s.Series).ToList();
        int rows = corpus.Sum(s => s.Values.Length);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"detector {detector} {string.Join(' ', overrides)}"));
        Console.WriteLine(string.Create(inv, $"{corpus.Count} files, {rows} rows, {corpus.Sum(s => s.Windows.Length)} windows; {how} in {elapsed.TotalMilliseconds:F0} ms ({elapsed.TotalMilliseconds * 1e6 / rows:F0} ns/row)"));
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
            }
        }

        Console.WriteLine(string.Create(inv, $"SUMMARY {results[0].NormalizedScore:F2} {results[1].NormalizedScore:F2} {results[2].NormalizedScore:F2}"));
        return 0;
    }
}
