using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using Serilog;

namespace AnomalyHunter.Benchmarks;

/// <summary>
/// Does feedback teach? On labelled synthetic data (the demo configuration, one seed per lakehouse): ingest, detect
/// (the shipped configuration), investigate every window at or above the detect threshold with the offline agents, order the verdicts by time, and let a simulated user
/// give correct feedback from the labels on the first N verdicts through the product's feedback service. The verdicts after
/// the first N (the same held-out set for every N) are scored before learning (as investigated, learning version 0) and
/// after (synthesized again with learning version N): precision of "anomaly" verdicts, recall of the labelled anomalies of
/// the held-out period, F1.
/// </summary>
internal static class FeedbackLearningBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seeds = Arg(args, "--seeds", "1,2,3").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var learning = new LearningOptions { ThresholdGain = double.Parse(Arg(args, "--threshold-gain", LearningOptions.DefaultThresholdGain.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture) };
        string? cache = args.Contains("--cache") ? Path.GetFullPath(Arg(args, "--cache", ".")) : null;
        var counts = Arg(args, "--feedback", "25,50,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToArray();
        var totals = counts.ToDictionary(n => n, _ => (Before: new LearningScore(), After: new LearningScore()));
        Console.WriteLine($"feedback-learning: seeds {string.Join(",", seeds)}, feedback on the first {string.Join("/", counts)} verdicts; held-out = verdicts after the first {counts[^1]}");
        foreach (long seed in seeds)
        {
            var rows = await RunSeedAsync(seed, counts, cache, learning);
            foreach (var (n, before, after) in rows)
            {
                totals[n] = (totals[n].Before.Add(before), totals[n].After.Add(after));
            }
        }

        Console.WriteLine();
        Console.WriteLine("pooled over seeds:");
        foreach (var (n, (before, after)) in totals)
        {
            Print("all", n, before, after);
        }

        return 0;
    }

    private static async Task<List<(int N, LearningScore Before, LearningScore After)>> RunSeedAsync(long seed, int[] counts, string? cache, LearningOptions learning)
    {
        var clock = Stopwatch.StartNew();
        string root = Directory.CreateTempSubdirectory("ah-feedback-bench-").FullName;
        var rows = new List<(int, LearningScore, LearningScore)>();
        try
        {
            var data = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed }).Generate();
            await using var catalog = new SqliteCatalog(Path.Combine(root, "catalog.db"), TimeProvider.System);
            await catalog.MigrateAsync(CancellationToken.None);
            var lake = new Lake(catalog, Path.Combine(root, "lake"), TimeProvider.System, new LoggerConfiguration().CreateLogger());
            var options = new InvestigateOptions { MinScore = DetectOptions.DefaultThreshold, MaxCandidates = 100_000, Parallelism = 2, Learning = learning };
            var runbooks = await RunbookLibrary.LoadAsync(null, CancellationToken.None);
            var verdicts = await VerdictsAsync(lake, catalog, options, runbooks, data, root, cache);

            verdicts = [.. verdicts.OrderBy(v => v.Window.Start).ThenBy(v => v.VerdictId, StringComparer.Ordinal)];
            var truth = new LabelTruth(data);
            int max = Math.Min(counts[^1], verdicts.Count / 2);
            var rule = new LearningRule(options.Learning);
            var service = new FeedbackService(catalog, rule);
            foreach (var v in verdicts.Take(max))
            {
                await service.RecordAsync(v.VerdictId, truth.FeedbackFor(v), null, null, "simulated-user", CancellationToken.None);
            }

            var heldOut = verdicts.Skip(max).ToList();
            var keys = data.Series.ToDictionary(s => s.Series.Key, s => new SeriesKey(s.Series.Tenant, s.Series.Region, s.Series.Metric, [new("host", s.Series.Host), new("service", s.Series.Service)]), StringComparer.Ordinal);
            var before = truth.Score(heldOut, heldOut.Select(v => v.Decision).ToList());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}: {data.Labels.Count} labels, {verdicts.Count} candidates investigated ({verdicts.Count(v => truth.IsReal(v))} real), held-out {heldOut.Count} verdicts with {before.Labels} labels, {clock.Elapsed.TotalSeconds:F0} s"));
            PrintAgents(verdicts, truth);
            foreach (int n in counts.Where(c => c <= max))
            {
                var state = await LearningStates.LoadAsync(catalog, n, CancellationToken.None);
                var synthesizer = new VerdictSynthesizer(rule);
                var decisions = heldOut.Select(v => synthesizer.Synthesize(Again(v, keys[v.Series], state, runbooks)).Decision).ToList();
                var after = truth.Score(heldOut, decisions);
                Print("seed " + seed.ToString(CultureInfo.InvariantCulture), n, before, after);
                rows.Add((n, before, after));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return rows;
    }

    // Investigates every candidate, or (with --cache) reuses the verdicts of an earlier run of the same seed.
    private static async Task<List<Verdict>> VerdictsAsync(
        Lake lake, SqliteCatalog catalog, InvestigateOptions options, RunbookLibrary runbooks, SyntheticDataset data, string root, string? cache)
    {
        string? file = cache is null ? null : Path.Combine(cache, string.Create(CultureInfo.InvariantCulture, $"verdicts-seed-{data.Options.Seed}.json"));
        if (file is not null && File.Exists(file))
        {
            var cached = FindingJson.Deserialize<List<Verdict>>(await File.ReadAllTextAsync(file));
            foreach (var v in cached)
            {
                await VerdictRecords.SaveAsync(catalog, v, CancellationToken.None);
            }

            return cached;
        }

        await IngestAsync(lake, data, root);
        // why: the candidates are those the shipped detect configuration reports, so learning is measured where users meet it.
        var settings = new Scheduler.Configuration.DetectSettings { Parallelism = 2 };
        await new DetectJob(lake, Scheduler.Configuration.DetectFactory.Scorer(settings), Scheduler.Configuration.DetectFactory.Options(settings), Scheduler.Configuration.DetectFactory.Groups(settings))
            .RunAsync(null, CancellationToken.None);
        var result = await new InvestigateJob(lake, catalog, options, CandidateInvestigator.OfflineAgents(options.Agents), runbooks, []).RunAsync(new InvestigateRequest(), CancellationToken.None);
        var verdicts = new List<Verdict>();
        foreach (string id in result.VerdictIds)
        {
            verdicts.Add(VerdictRecords.FromRecord((await catalog.GetVerdictAsync(id, CancellationToken.None))!));
        }

        if (file is not null)
        {
            Directory.CreateDirectory(cache!);
            await File.WriteAllTextAsync(file, FindingJson.Serialize(verdicts));
        }

        return verdicts;
    }

    private static SynthesisInput Again(Verdict v, SeriesKey key, LearningState state, RunbookLibrary runbooks) => new()
    {
        Anomaly = new AnomalyRecord(v.AnomalyId, v.Window.Detector, v.SeriesId, v.Window.Start.ToUnixTimeMilliseconds(), v.Window.End.ToUnixTimeMilliseconds(),
            v.Window.Peak.ToUnixTimeMilliseconds(), v.Window.PeakScore, v.Window.Points, string.Join(',', v.Window.Passes), v.Window.DetectRun, v.Window.DetectRun, false, v.Window.Contributions, v.Window.Scope, v.Window.GroupKey),
        Key = key,
        RunId = v.RunId,
        CreatedAt = v.CreatedAt,
        Findings = v.Findings,
        Learning = state,
        Runbooks = runbooks,
        Manifest = v.Manifest,
    };

    private static async Task IngestAsync(Lake lake, SyntheticDataset data, string root)
    {
        var keys = data.Series.Select(s => new SeriesKey(s.Series.Tenant, s.Series.Region, s.Series.Metric, [new("host", s.Series.Host), new("service", s.Series.Service)])).ToList();
        int n = (int)data.PointCount, at = 0;
        var index = new int[n];
        var ts = new long[n];
        var values = new double[n];
        var lines = new long[n];
        for (int k = 0; k < data.Series.Count; k++)
        {
            var s = data.Series[k];
            for (int i = 0; i < s.Values.Length; i++, at++)
            {
                (index[at], ts[at], values[at], lines[at]) = (k, s.TimestampsMs[i], s.Values[i], at + 2);
            }
        }

        string runId = JobRunner.NewRunId(TimeProvider.System);
        await new IngestJob(lake, new IngestJobOptions()).RunAsync([MemorySource.Create("synthetic", keys, index, ts, values, lines, n)],
            new FolderQuarantineSink(Path.Combine(root, "quarantine"), runId), null, CancellationToken.None, runId);
    }

    // How often each agent's vote (confidence ≥ 0.5) was right, before any learning: precision and recall of its "real" votes.
    private static void PrintAgents(List<Verdict> verdicts, LabelTruth truth)
    {
        foreach (string agent in verdicts.SelectMany(v => v.Findings.Select(f => f.Agent)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var votes = verdicts.Select(v => (Real: truth.IsReal(v), Vote: v.Findings.First(f => f.Agent == agent).Confidence >= 0.5)).ToList();
            int tp = votes.Count(x => x.Real && x.Vote), fp = votes.Count(x => !x.Real && x.Vote), fn = votes.Count(x => x.Real && !x.Vote);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  agent {agent,-16} votes real on {tp + fp} candidates: precision {(tp + fp == 0 ? 0 : (double)tp / (tp + fp)):F3}, recall {(tp + fn == 0 ? 0 : (double)tp / (tp + fn)):F3}"));
        }
    }

    private static void Print(string what, int n, LearningScore before, LearningScore after) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-7} N={n,3}: before precision {before.Precision:F3} recall {before.Recall:F3} F1 {before.F1:F3} ({before.Confirmed} anomaly verdicts) | after precision {after.Precision:F3} recall {after.Recall:F3} F1 {after.F1:F3} ({after.Confirmed} anomaly verdicts)"));

    private static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
