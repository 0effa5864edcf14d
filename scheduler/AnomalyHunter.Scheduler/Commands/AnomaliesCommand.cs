using System.CommandLine;
using AnomalyHunter.Jobs.Query;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>anomalies</c>: lists and exports anomaly windows.</summary>
internal static class AnomaliesCommand
{
    private static readonly Option<string?> Series = new("--series") { Description = "Only series whose key contains this text (e.g. 'cpu' or 'host=\"web-1\"')" };
    private static readonly Option<string?> From = new("--from") { Description = "Only windows that end at or after this time (ISO-8601; naive = UTC)" };
    private static readonly Option<string?> To = new("--to") { Description = "Only windows that start before this time (ISO-8601; naive = UTC)" };
    private static readonly Option<double?> MinScore = new("--min-score") { Description = "Only windows whose peak score is at least this (0-100)" };
    private static readonly Option<int?> Limit = new("--limit") { Description = "At most this many windows, strongest first" };
    private static readonly Option<bool> AllDetectors = new("--all-detectors") { Description = "Include windows of every detector configuration, not only the current one" };

    private static readonly Option<string> OutputFormat = new("--format")
    {
        Description = "Output: table, csv, json or parquet (parquet needs --output)",
        DefaultValueFactory = _ => "table",
    };

    private static readonly Option<string?> OutputFile = new("--output", "-o") { Description = "Write to this file instead of the console" };

    public static Command Create()
    {
        var command = new Command("anomalies", "List anomaly windows with filters, or export them as CSV, JSON or Parquet")
        {
            Series, From, To, MinScore, Limit, AllDetectors, OutputFormat, OutputFile,
        };
        OutputFormat.AcceptOnlyFromAmong("table", "csv", "json", "parquet");
        CommandRunner.SetHostedAction(command, CommandRunner.NoOverrides, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        string format = result.GetValue(OutputFormat)!;
        string? output = result.GetValue(OutputFile);
        if (format == "parquet" && output is null)
        {
            throw new UsageException("--format parquet needs --output FILE.");
        }

        var filter = new AnomalyFilter
        {
            Consumer = result.GetValue(AllDetectors) ? null : DetectCommand.CreateJob(host).Consumer,
            FromMs = result.GetValue(From) is { } f ? Format.ParseTime(f, "--from") : null,
            ToMs = result.GetValue(To) is { } t ? Format.ParseTime(t, "--to") : null,
            MinScore = result.GetValue(MinScore),
            Limit = result.GetValue(Limit),
        };
        var rows = await AnomalyQuery.ListAsync(host.Catalog, filter, result.GetValue(Series), cancellationToken);
        if (output is not null)
        {
            await AnomalyExport.WriteFileAsync(output, format == "table" ? "csv" : format, rows, cancellationToken);
            await Console.Error.WriteLineAsync($"Wrote {rows.Count} anomaly windows to {Path.GetFullPath(output)}");
            return ExitCodes.Success;
        }

        switch (format)
        {
            case "csv":
                await AnomalyExport.WriteCsvAsync(Console.Out, rows, cancellationToken);
                break;
            case "json":
                await using (var stdout = Console.OpenStandardOutput())
                {
                    await AnomalyExport.WriteJsonAsync(stdout, rows, cancellationToken);
                }

                await Console.Out.WriteLineAsync();
                break;
            default:
                PrintTable(rows);
                break;
        }

        return ExitCodes.Success;
    }

    private static void PrintTable(IReadOnlyList<AnomalyRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("series", "start (UTC)", "end (UTC)", "peak (UTC)")
            .AddColumn(new TableColumn("score").RightAligned())
            .AddColumn(new TableColumn("points").RightAligned())
            .AddColumns("passes", "id");
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Series),
                Format.Time(new DateTimeOffset(r.Start).ToUnixTimeMilliseconds()),
                Format.Time(new DateTimeOffset(r.End).ToUnixTimeMilliseconds()) + (r.Open ? " (open)" : string.Empty),
                Format.Time(new DateTimeOffset(r.PeakTime).ToUnixTimeMilliseconds()),
                Format.Number(r.PeakScore),
                Format.Count(r.Points),
                Markup.Escape(r.Passes),
                Markup.Escape(r.AnomalyId));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{rows.Count} anomaly windows");
    }
}
