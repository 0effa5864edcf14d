using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Jobs.Query;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Scheduler.Commands;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Output;
using AnomalyHunter.Synthetic.Scoring;

namespace AnomalyHunter.Scheduler.Demo;

/// <summary>
/// Generates labelled synthetic metrics, ingests them one day at a time with a detect run after each day, names the kind of
/// the windows each run created or changed as the pattern analyst does, marks the windows of correlated incidents, and scores
/// the windows against the labels.
/// </summary>
internal static class SyntheticReplay
{
    /// <summary>Runs the replay in <paramref name="host"/>'s data folder with its detect settings; <paramref name="progress"/> gets (day, days, day name).</summary>
    public static async Task<SyntheticReplayResult> RunAsync(AppHost host, long seed, int days, Action<double, double, string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var generator = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed, Days = days });
        string input = Path.Combine(host.DataDir, "demo", string.Create(CultureInfo.InvariantCulture, $"seed-{generator.Options.Seed}-days-{days}"));
        var written = await DailyCsvWriter.WriteAsync(generator, input, cancellationToken);
        await LabelFileWriter.WriteAsync(generator, input, cancellationToken);

        var ingestOptions = host.Settings.Ingest;
        var ingest = new IngestJob(host.Lake, new IngestJobOptions
        {
            Duplicates = ingestOptions.Duplicates,
            CommitRows = host.Settings.Lakehouse.CommitRows,
            RemovedFileRetention = host.Settings.Lakehouse.RemovedFileRetention,
        });
        var detect = DetectCommand.CreateJob(host);
        var dayFiles = written.Paths.Where(p => p.EndsWith(".csv", StringComparison.Ordinal) && !p.EndsWith(LabelFileWriter.CsvFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        long points = 0;
        var detectTime = TimeSpan.Zero;
        var namingTime = TimeSpan.Zero;
        var namer = new WindowPatternNamer(host.Lake, InvestigateFactory.Options(host.Settings.Investigate));
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int d = 0; d < dayFiles.Count; d++)
        {
            string file = dayFiles[d];
            string sha = await LakeFileStore.HashAsync(file, cancellationToken);
            string runId = JobRunner.NewRunId(host.Time);
            await ingest.RunAsync(
                [new IngestSource(file, sha, ct => SourceFileReader.ReadAsync(file, ingestOptions, host.Time, ct))],
                new FolderQuarantineSink(host.QuarantineDir, runId), null, cancellationToken, runId);
            var result = await detect.RunAsync(null, cancellationToken);
            points += result.Points;
            detectTime += TimeSpan.FromMilliseconds(result.ElapsedMs);
            namingTime += await NameChangedWindowsAsync(host, namer, detect.Consumer, result.RunId, kinds, cancellationToken);
            progress(d + 1, dayFiles.Count, Path.GetFileNameWithoutExtension(file));
        }

        // why: incidents are marked over the final windows, so a window may join one through a peer's window of a later run that overlaps it in time.
        var naming = Stopwatch.StartNew();
        var records = await host.Catalog.ListAnomaliesAsync(new AnomalyFilter { Consumer = detect.Consumer }, cancellationToken);
        foreach (string id in await namer.CorrelatedAsync(records, cancellationToken))
        {
            kinds[id] = AnomalyKind.CorrelatedIncident.ToName();
        }

        namingTime += naming.Elapsed;
        var anomalies = await AnomalyQuery.RowsAsync(host.Catalog, records, cancellationToken);
        // why: the missing-data pass states the kind of its windows itself; the others carry the named kind.
        var windows = anomalies.Select(a => new DetectedWindow(a.Series, new DateTimeOffset(a.Start), new DateTimeOffset(a.End),
            a.Passes == DetectOptions.MissingDataPass ? AnomalyKind.MissingData.ToName() : kinds[a.AnomalyId])).ToList();
        var options = new ScoringOptions { Step = generator.Options.Step };
        var rows = DetectionScorer.Score(windows, generator.Labels, options);
        return new SyntheticReplayResult(rows, detect.Consumer, generator.Series.Count, written.Rows, generator.Labels, anomalies, windows, options, days, points, detectTime, namingTime, clock.Elapsed);
    }

    /// <summary>
    /// Names the windows that detect run <paramref name="runId"/> created or changed, from the data visible now, into
    /// <paramref name="kinds"/> (anomaly id → pattern); returns the time taken.
    /// </summary>
    /// <remarks>
    /// Like an investigate run after every detect run, a window is judged with the data there was when it last changed, so its
    /// kind never rests on data that came later. Unlike the job, every window is named, whatever its peak score.
    /// </remarks>
    private static async Task<TimeSpan> NameChangedWindowsAsync(
        AppHost host, WindowPatternNamer namer, string consumer, string runId, Dictionary<string, string> kinds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var changed = (await host.Catalog.ListAnomaliesAsync(new AnomalyFilter { Consumer = consumer }, cancellationToken))
            .Where(a => a.LastRunId == runId && a.Passes != DetectOptions.MissingDataPass)
            .ToList();
        long snapshot = await host.Catalog.CurrentSnapshotAsync(cancellationToken);
        foreach (var (id, pattern) in await namer.NameAsync(changed, snapshot, cancellationToken))
        {
            kinds[id] = pattern;
        }

        return clock.Elapsed;
    }
}
