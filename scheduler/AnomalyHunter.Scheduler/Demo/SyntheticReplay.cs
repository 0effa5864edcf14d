using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Jobs.Query;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Scheduler.Commands;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Output;
using AnomalyHunter.Synthetic.Scoring;

namespace AnomalyHunter.Scheduler.Demo;

/// <summary>Generates labelled synthetic metrics, ingests them one day at a time with a detect run after each day, and scores the windows against the labels.</summary>
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
            progress(d + 1, dayFiles.Count, Path.GetFileNameWithoutExtension(file));
        }

        var anomalies = await AnomalyQuery.ListAsync(host.Catalog, new AnomalyFilter { Consumer = detect.Consumer }, null, cancellationToken);
        // why: a missing-data window names its kind; the others leave it to the labels (see DetectionScorer).
        var windows = anomalies.Select(a => new DetectedWindow(a.Series, new DateTimeOffset(a.Start), new DateTimeOffset(a.End),
            a.Passes == DetectOptions.MissingDataPass ? AnomalyKind.MissingData.ToName() : null)).ToList();
        var options = new ScoringOptions { Step = generator.Options.Step };
        var rows = DetectionScorer.Score(windows, generator.Labels, options);
        return new SyntheticReplayResult(rows, detect.Consumer, generator.Series.Count, written.Rows, generator.Labels, anomalies, options, days, points, detectTime, clock.Elapsed);
    }
}
