using System.CommandLine;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>ingest PATH...</c>: reads CSV and Parquet files or folders into the lakehouse.</summary>
internal static class IngestCommand
{
    private static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Files or folders (searched recursively) of .csv, .tsv, .txt, .csv.gz or .parquet",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> Layout = new("--layout")
    {
        Description = "Input layout: auto (from the header), long, wide or simple [default: Ingest:Layout, auto]",
    };

    private static readonly Option<string?> TimestampFormat = new("--timestamp-format")
    {
        Description = "Timestamps: auto, iso, epoch-seconds or epoch-milliseconds [default: Ingest:TimestampFormat, auto]",
    };

    private static readonly Option<string?> TimeZone = new("--time-zone")
    {
        Description = "IANA time zone of timestamps without an offset [default: Ingest:NaiveTimeZone, UTC]",
    };

    private static readonly Option<string?> Tenant = new("--tenant")
    {
        Description = "Tenant of rows without a tenant column [default: Ingest:DefaultTenant, default]",
    };

    private static readonly Option<string?> Region = new("--region")
    {
        Description = "Data region of rows without a region column [default: Ingest:DefaultRegion, local]",
    };

    private static readonly Option<string?> Duplicates = new("--duplicates")
    {
        Description = "When a (series, time) pair arrives twice: keep-first or keep-last; the other value is quarantined [default: keep-first]",
    };

    public static Command Create()
    {
        var command = new Command("ingest", "Ingest CSV and Parquet files (long, wide or simple layout) into the lakehouse; bad rows are quarantined with their reason")
        {
            Paths, Layout, TimestampFormat, TimeZone, Tenant, Region, Duplicates,
        };
        Duplicates.AcceptOnlyFromAmong("keep-first", "keep-last");
        Layout.AcceptOnlyFromAmong("auto", "long", "wide", "simple");
        TimestampFormat.AcceptOnlyFromAmong("auto", "iso", "epoch-seconds", "epoch-milliseconds");
        CommandRunner.SetHostedAction(command, Overrides, RunAsync);
        return command;
    }

    private static Dictionary<string, string?> Overrides(ParseResult r)
    {
        var map = new Dictionary<string, string?>();
        Put(map, "Ingest:Layout", r.GetValue(Layout));
        Put(map, "Ingest:TimestampFormat", r.GetValue(TimestampFormat)?.Replace("epoch-seconds", "EpochSeconds", StringComparison.Ordinal)
            .Replace("epoch-milliseconds", "EpochMilliseconds", StringComparison.Ordinal));
        Put(map, "Ingest:NaiveTimeZone", r.GetValue(TimeZone));
        Put(map, "Ingest:DefaultTenant", r.GetValue(Tenant));
        Put(map, "Ingest:DefaultRegion", r.GetValue(Region));
        Put(map, "Ingest:Duplicates", r.GetValue(Duplicates) switch { "keep-last" => "KeepLast", "keep-first" => "KeepFirst", _ => null });
        return map;
    }

    private static void Put(Dictionary<string, string?> map, string key, string? value)
    {
        if (value is not null)
        {
            map[key] = value;
        }
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var files = SourceFiles.Expand(result.GetValue(Paths)!);
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("error: no .csv, .tsv, .txt, .csv.gz or .parquet files were found under the given paths.");
            return ExitCodes.NothingIngested;
        }

        var options = host.Settings.Ingest;
        var sources = new List<IngestSource>(files.Count);
        foreach (string file in files)
        {
            string sha = await LakeFileStore.HashAsync(file, cancellationToken);
            sources.Add(new IngestSource(file, sha, ct => SourceFileReader.ReadAsync(file, options, host.Time, ct)));
        }

        string runId = Jobs.Framework.JobRunner.NewRunId(host.Time);
        var quarantine = new FolderQuarantineSink(host.QuarantineDir, runId);
        var job = new IngestJob(host.Lake, new IngestJobOptions
        {
            Duplicates = options.Duplicates,
            CommitRows = host.Settings.Lakehouse.CommitRows,
            RemovedFileRetention = host.Settings.Lakehouse.RemovedFileRetention,
        });
        var outcome = await ProgressDisplay.RunAsync("Ingesting", report =>
            job.RunAsync(sources, quarantine, new Progress<IngestProgress>(p =>
                report(p.SourceIndex, p.SourceCount, $"{Path.GetFileName(p.SourcePath)} ({Format.Count(p.RowsRead)} rows)")), cancellationToken, runId));

        Print(outcome, quarantine);
        bool nothing = outcome.RowsStored == 0 && outcome.SkippedSources < outcome.Sources;
        return nothing ? ExitCodes.NothingIngested : ExitCodes.Success;
    }

    private static void Print(IngestResult r, FolderQuarantineSink quarantine)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("ingest").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("input files", Format.Count(r.Sources));
        table.AddRow("skipped (already ingested)", Format.Count(r.SkippedSources));
        table.AddRow("rows read", Format.Count(r.RowsRead));
        table.AddRow("rows stored", Format.Count(r.RowsStored));
        table.AddRow("series", Format.Count(r.Series));
        table.AddRow("data files written", Format.Count(r.FilesWritten));
        foreach (var (reason, count) in r.Quarantined.OrderBy(p => p.Key))
        {
            table.AddRow($"quarantined: {reason.Code()}", Format.Count(count));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"run [bold]{Markup.Escape(r.RunId)}[/], snapshot [bold]{(r.SnapshotId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}[/]");
        foreach (string file in quarantine.Files)
        {
            AnsiConsole.MarkupLine($"quarantine file: {Markup.Escape(file)}");
        }
    }
}
