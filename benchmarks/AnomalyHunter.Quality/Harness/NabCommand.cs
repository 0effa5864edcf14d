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

    // why: the process CPU clock ticks coarsely (about 10 ms); several passes per measurement keep its error small.
    private const int BackfillPasses = 4;

    /// <summary>Prints the three profiles, the per-category figures of the standard profile and the time taken.</summary>
    public static int Run(string dataPath, string detector, IReadOnlyList<string> overrides, bool perFile, string? dumpPath = null, int bootstrap = 0)
    {
        IReadOnlyList<NabSeries> corpus = NabCorpus.Load(dataPath);
        ISeriesScorerFactory? factory = detector == "zscore-reference" ? null : DetectorCatalog.Create(detector, overrides);
        (List<NabScoredSeries> scored, TimeSpan elapsed) = ScoreCorpus(corpus, factory);
        var speed = new List<string>();
        if (factory is not null)
        {
            int rows = corpus.Sum(s => s.Values.Length);
            (TimeSpan wall, TimeSpan cpu) = Time(corpus, s => DailyBatchRunner.RunOnce(factory, s.TimestampsMs, s.Values));
            speed.Add(string.Create(CultureInfo.InvariantCulture, $"one backfill call per file (no state round trips), best of 5: {wall.TotalMilliseconds:F0} ms wall ({wall.TotalMilliseconds * 1e6 / rows:F0} ns/row), {cpu.TotalMilliseconds:F0} ms process CPU ({cpu.TotalMilliseconds * 1e6 / rows:F0} ns/row)"));
            (wall, cpu) = Time(corpus, s => DailyBatchRunner.Run(factory, s.TimestampsMs, s.Values));
            speed.Add(string.Create(CultureInfo.InvariantCulture, $"daily batches with state round trips (warm), best of 5: {wall.TotalMilliseconds:F0} ms wall ({wall.TotalMilliseconds * 1e6 / rows:F0} ns/row), {cpu.TotalMilliseconds:F0} ms process CPU ({cpu.TotalMilliseconds * 1e6 / rows:F0} ns/row)"));
        }

        return Report(scored, detector, overrides, elapsed, perFile, "scored in daily batches (cold, with JIT)", speed, dumpPath, bootstrap);
    }

    /// <summary>Wall and process CPU time of <paramref name="score"/> over every file, best of five runs (so that JIT compilation and a busy machine weigh least).</summary>
    /// <remarks>The CPU time is the better measure on a busy machine: it does not count time spent waiting for a core.</remarks>
    public static (TimeSpan Wall, TimeSpan Cpu) Time(IReadOnlyList<NabSeries> corpus, Action<NabSeries> score)
    {
        TimeSpan bestWall = TimeSpan.MaxValue;
        TimeSpan bestCpu = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run < 5; run++)
        {
            process.Refresh();
            TimeSpan cpuStart = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            for (int pass = 0; pass < BackfillPasses; pass++)
            {
                foreach (NabSeries s in corpus)
                {
                    score(s);
                }
            }

            TimeSpan wall = stopwatch.Elapsed / BackfillPasses;
            process.Refresh();
            TimeSpan cpu = (process.TotalProcessorTime - cpuStart) / BackfillPasses;
            bestWall = wall < bestWall ? wall : bestWall;
            bestCpu = cpu < bestCpu ? cpu : bestCpu;
        }

        return (bestWall, bestCpu);
    }

    /// <summary>Prints the figures of an already scored corpus, with optional extra lines after the header, a per-file score dump and a bootstrap over files.</summary>
    public static int Report(IReadOnlyList<NabScoredSeries> scored, string detector, IReadOnlyList<string> overrides, TimeSpan elapsed, bool perFile, string how, IReadOnlyList<string>? extraLines = null, string? dumpPath = null, int bootstrap = 0)
    {
        var corpus = scored.Select(s => s.Series).ToList();
        int rows = corpus.Sum(s => s.Values.Length);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"detector {detector} {string.Join(' ', overrides)}"));
        Console.WriteLine(string.Create(inv, $"{corpus.Count} files, {rows} rows, {corpus.Sum(s => s.Windows.Length)} windows; {how} in {elapsed.TotalMilliseconds:F0} ms ({elapsed.TotalMilliseconds * 1e6 / rows:F0} ns/row)"));
        foreach (string line in extraLines ?? [])
        {
            Console.WriteLine(line);
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

        if (bootstrap > 0)
        {
            foreach (NabProfile profile in NabProfile.All)
            {
                (double mean, double sd, double p5, double p95) = NabBootstrap.Resample(scored, profile, bootstrap);
                Console.WriteLine(string.Create(inv, $"bootstrap over files ({bootstrap} resamples) {profile.Name,-14} mean {mean,6:F2}  sd {sd,5:F2}  5%..95% {p5,6:F2}..{p95,6:F2}"));
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
