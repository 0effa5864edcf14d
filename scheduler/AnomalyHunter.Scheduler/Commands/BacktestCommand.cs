using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Jobs.Backtest;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>backtest PATH --out DIR</c>: replays history through the incremental pipeline and writes scored copies.</summary>
internal static class BacktestCommand
{
    private static readonly Argument<string> Input = new("PATH") { Description = "A CSV file or a folder searched recursively for CSV files" };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "Folder for the scored copies (same relative paths; columns timestamp,value,anomaly_score)",
        Required = true,
    };

    private static readonly Option<string> Batch = new("--batch")
    {
        Description = "Length of each replayed batch: e.g. 1d, 6h, 30m or a TimeSpan such as 1.00:00:00",
        DefaultValueFactory = _ => "1d",
    };

    private static readonly Option<bool> KeepLake = new("--keep-lake")
    {
        Description = "Keep the temporary lakehouse the replay built (its path is printed)",
    };

    public static Command Create()
    {
        var command = new Command("backtest", "Replay CSV history through the incremental pipeline in chronological batches and write per-row scores in [0, 1]")
        {
            Input, Out, Batch, KeepLake,
        };
        CommandRunner.SetHostedAction(command, DetectCommand.Overrides, RunAsync);
        return command;
    }

    /// <summary>Parses 1d / 6h / 30m / 45s or a TimeSpan.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        string t = text.Trim();
        if (t.Length > 1 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double n))
        {
            switch (char.ToLowerInvariant(t[^1]))
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 's': return TimeSpan.FromSeconds(n);
            }
        }

        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new UsageException($"{option}: '{text}' is not a duration such as 1d, 6h, 30m or 1.00:00:00.");
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        string input = Path.GetFullPath(result.GetValue(Input)!);
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            throw new UsageException($"PATH: '{input}' does not exist.");
        }

        string output = Path.GetFullPath(result.GetValue(Out)!);
        var options = new BacktestOptions { Batch = ParseDuration(result.GetValue(Batch)!, "--batch") };
        string lakeDir = Directory.CreateTempSubdirectory("anomaly-hunter-backtest-").FullName;
        var outcome = default(BacktestResult);
        try
        {
            await using (var catalog = new SqliteCatalog(Path.Combine(lakeDir, "catalog.db"), host.Time))
            {
                await catalog.MigrateAsync(cancellationToken);
                var lake = new Lake(catalog, Path.Combine(lakeDir, "lake"), host.Time, host.Log);
                var ingestOptions = host.Settings.Ingest;
                var runner = new BacktestRunner(
                    lake,
                    DetectFactory.Scorer(host.Settings.Detect),
                    DetectFactory.Options(host.Settings.Detect),
                    new IngestJobOptions { Duplicates = ingestOptions.Duplicates, RemovedFileRetention = TimeSpan.Zero },
                    options);
                var quarantine = new FolderQuarantineSink(Path.Combine(output, ".quarantine"), JobRunner.NewRunId(host.Time));
                outcome = await ProgressDisplay.RunAsync("Replaying", report => runner.RunAsync(
                    input,
                    output,
                    (path, ct) => SourceFileReader.ReadAsync(path, ingestOptions, host.Time, ct),
                    quarantine,
                    new Progress<(int Done, int Total)>(p => report(p.Done, p.Total, "batches")),
                    cancellationToken));
            }
        }
        finally
        {
            if (!result.GetValue(KeepLake))
            {
                Directory.Delete(lakeDir, recursive: true);
            }
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("backtest").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("input files", Format.Count(outcome.Files));
        table.AddRow("input rows", Format.Count(outcome.Rows));
        table.AddRow("batches replayed", Format.Count(outcome.Batches));
        table.AddRow("points scored", Format.Count(outcome.PointsScored));
        table.AddRow("rows quarantined", Format.Count(outcome.Quarantined));
        table.AddRow("elapsed", Format.Number(outcome.ElapsedMs / 1000.0, 1) + " s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"scored copies under [bold]{Markup.Escape(output)}[/]");
        if (result.GetValue(KeepLake))
        {
            AnsiConsole.MarkupLine($"replay lakehouse kept at {Markup.Escape(lakeDir)}");
        }

        return ExitCodes.Success;
    }
}
