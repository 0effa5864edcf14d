using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Jobs.Query;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Output;
using AnomalyHunter.Synthetic.Scoring;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>demo</c>: generates labelled synthetic metrics, ingests them day by day with a detect run after each day, and scores the result.</summary>
internal static class DemoCommand
{
    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the synthetic data", DefaultValueFactory = _ => SyntheticOptions.DefaultSeed };
    private static readonly Option<int> Days = new("--days") { Description = "Days of data (at least 8: the first week has no anomalies)", DefaultValueFactory = _ => SyntheticOptions.DefaultDays };

    public static Command Create()
    {
        var command = new Command("demo", "Generate labelled synthetic metrics, ingest them in daily batches with a detect run after each, and print detection against the labels per kind")
        {
            Seed, Days,
        };
        CommandRunner.SetHostedAction(command, DetectCommand.Overrides, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        int days = result.GetValue(Days);
        if (days < 8 || days > 3650)
        {
            throw new UsageException($"--days: {days} is outside the allowed range 8..3650.");
        }

        var clock = Stopwatch.StartNew();
        var generator = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = result.GetValue(Seed), Days = days });
        string input = Path.Combine(host.DataDir, "demo", string.Create(CultureInfo.InvariantCulture, $"seed-{generator.Options.Seed}-days-{days}"));
        var written = await DailyCsvWriter.WriteAsync(generator, input, cancellationToken);
        await LabelFileWriter.WriteAsync(generator, input, cancellationToken);
        AnsiConsole.MarkupLine($"Generated {Format.Count(generator.Series.Count)} series, {Format.Count(written.Rows)} points and {generator.Labels.Count} labelled anomalies into [bold]{Markup.Escape(input)}[/]");

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
        await ProgressDisplay.RunAsync("Ingest + detect per day", async report =>
        {
            for (int d = 0; d < dayFiles.Count; d++)
            {
                string file = dayFiles[d];
                string sha = await LakeFileStore.HashAsync(file, cancellationToken);
                string runId = JobRunner.NewRunId(host.Time);
                await ingest.RunAsync(
                    [new IngestSource(file, sha, ct => SourceFileReader.ReadAsync(file, ingestOptions, host.Time, ct))],
                    new FolderQuarantineSink(host.QuarantineDir, runId), null, cancellationToken, runId);
                points += (await detect.RunAsync(null, cancellationToken)).Points;
                report(d + 1, dayFiles.Count, Path.GetFileNameWithoutExtension(file));
            }

            return 0;
        });

        var anomalies = await AnomalyQuery.ListAsync(host.Catalog, new AnomalyFilter { Consumer = detect.Consumer }, null, cancellationToken);
        var windows = anomalies.Select(a => new DetectedWindow(a.Series, new DateTimeOffset(a.Start), new DateTimeOffset(a.End)));
        var rows = DetectionScorer.Score(windows, generator.Labels, new ScoringOptions { Step = generator.Options.Step });
        Print(rows, detect.Consumer, days, points, clock.Elapsed);
        return ExitCodes.Success;
    }

    private static void Print(IReadOnlyList<KindScore> rows, string detector, int days, long points, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Detection against the labels, per anomaly kind")
            .AddColumn("kind")
            .AddColumn(new TableColumn("labelled").RightAligned())
            .AddColumn(new TableColumn("found").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("windows").RightAligned())
            .AddColumn(new TableColumn("correct").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned());
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Kind),
                Format.Count(r.Labelled),
                Format.Count(r.Found),
                r.Recall is double rc ? Format.Number(rc, 2) : "-",
                Format.Count(r.Windows),
                Format.Count(r.Correct),
                r.Precision is double p ? Format.Number(p, 2) : "-");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"detector {Markup.Escape(detector)}; {days} daily batches, {Format.Count(points)} points scored in {Format.Number(elapsed.TotalSeconds, 1)} s");
        AnsiConsole.MarkupLine("Next: [bold]anomaly-hunter anomalies --limit 20[/], [bold]anomaly-hunter partitions[/], [bold]anomaly-hunter query \"SELECT ...\"[/]");
    }
}
