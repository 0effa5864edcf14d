using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>partitions</c>, <c>series</c>, <c>snapshots</c> and <c>runs</c>: what is stored, as tables or JSON.</summary>
internal static class ListCommands
{
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print JSON instead of a table" };
    private static readonly Option<string?> Contains = new("--filter") { Description = "Only series whose key contains this text" };
    private static readonly Option<int> Limit = new("--limit") { Description = "Most recent runs to show", DefaultValueFactory = _ => 50 };

    public static IEnumerable<Command> Create()
    {
        var partitions = new Command("partitions", "List the partitions of the current snapshot: files, rows, time range, size") { AsJson };
        CommandRunner.SetHostedAction(partitions, CommandRunner.NoOverrides, PartitionsAsync);
        var series = new Command("series", "List stored series with their ids and labels") { AsJson, Contains };
        CommandRunner.SetHostedAction(series, CommandRunner.NoOverrides, SeriesAsync);
        var snapshots = new Command("snapshots", "List committed snapshots, oldest first") { AsJson };
        CommandRunner.SetHostedAction(snapshots, CommandRunner.NoOverrides, SnapshotsAsync);
        var runs = new Command("runs", "List recent job runs with their outcome and counts") { AsJson, Limit };
        CommandRunner.SetHostedAction(runs, CommandRunner.NoOverrides, RunsAsync);
        return [partitions, series, snapshots, runs];
    }

    private static async Task<int> PartitionsAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        long head = await host.Catalog.CurrentSnapshotAsync(cancellationToken);
        var rows = (await host.Catalog.ListFilesAsync(head, cancellationToken))
            .GroupBy(f => (f.Tenant, f.Region, f.PartitionDate))
            .Select(g => new
            {
                g.Key.Tenant,
                g.Key.Region,
                Date = g.Key.PartitionDate,
                Files = g.Count(),
                Rows = g.Sum(f => f.RowCount),
                Bytes = g.Sum(f => f.SizeBytes),
                From = Format.IsoTime(g.Min(f => f.MinTsMs)),
                To = Format.IsoTime(g.Max(f => f.MaxTsMs)),
            })
            .ToList();
        if (result.GetValue(AsJson))
        {
            Json.Print(new { snapshot = head, partitions = rows });
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("tenant", "region", "date")
            .AddColumn(new TableColumn("files").RightAligned()).AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("size").RightAligned()).AddColumns("from", "to");
        foreach (var p in rows)
        {
            table.AddRow(Markup.Escape(p.Tenant), Markup.Escape(p.Region), p.Date, Format.Count(p.Files), Format.Count(p.Rows), Format.Bytes(p.Bytes), p.From, p.To);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"snapshot {head.ToString(CultureInfo.InvariantCulture)}: {rows.Count} partitions, {Format.Count(rows.Sum(r => r.Files))} files, {Format.Count(rows.Sum(r => r.Rows))} rows");
        return ExitCodes.Success;
    }

    private static async Task<int> SeriesAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var series = await host.Catalog.ListSeriesAsync(result.GetValue(Contains), cancellationToken);
        if (result.GetValue(AsJson))
        {
            Json.Print(series.Select(s => new
            {
                id = s.SeriesId,
                key = s.Key.Canonical,
                s.Key.Tenant,
                s.Key.Region,
                s.Key.Metric,
                labels = s.Key.Labels.ToDictionary(l => l.Key, l => l.Value),
                createdAt = Format.IsoTime(s.CreatedAtMs),
            }));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("id").RightAligned()).AddColumns("tenant", "region", "metric", "labels");
        foreach (var s in series)
        {
            table.AddRow(s.SeriesId.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Key.Tenant), Markup.Escape(s.Key.Region),
                Markup.Escape(s.Key.Metric), Markup.Escape(string.Join(", ", s.Key.Labels.Select(l => $"{l.Key}={l.Value}"))));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{series.Count} series");
        return ExitCodes.Success;
    }

    private static async Task<int> SnapshotsAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var snapshots = await host.Catalog.ListSnapshotsAsync(cancellationToken);
        if (result.GetValue(AsJson))
        {
            Json.Print(snapshots.Select(s => new { id = s.SnapshotId, createdAt = Format.IsoTime(s.CreatedAtMs), s.Operation, s.RunId, summary = System.Text.Json.JsonDocument.Parse(s.SummaryJson).RootElement }));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("snapshot").RightAligned()).AddColumns("created (UTC)", "operation", "run", "summary");
        foreach (var s in snapshots)
        {
            table.AddRow(s.SnapshotId.ToString(CultureInfo.InvariantCulture), Format.Time(s.CreatedAtMs), s.Operation, Markup.Escape(s.RunId ?? "-"), Markup.Escape(s.SummaryJson));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static async Task<int> RunsAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var runs = await host.Catalog.ListRunsAsync(result.GetValue(Limit), cancellationToken);
        if (result.GetValue(AsJson))
        {
            Json.Print(runs.Select(r => new
            {
                r.RunId, r.Job, r.Outcome, r.SnapshotId, startedAt = Format.IsoTime(r.StartedAtMs),
                endedAt = r.EndedAtMs is long e ? Format.IsoTime(e) : null,
                parameters = System.Text.Json.JsonDocument.Parse(r.ParametersJson).RootElement,
                counts = System.Text.Json.JsonDocument.Parse(r.CountsJson).RootElement, r.Error, r.Host, pid = r.ProcessId,
            }));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("run", "job", "outcome", "started (UTC)", "duration", "snapshot", "counts");
        foreach (var r in runs)
        {
            string duration = r.EndedAtMs is long end ? Format.Number((end - r.StartedAtMs) / 1000.0, 2) + " s" : "-";
            table.AddRow(Markup.Escape(r.RunId), r.Job, Markup.Escape(r.Outcome), Format.Time(r.StartedAtMs), duration,
                r.SnapshotId?.ToString(CultureInfo.InvariantCulture) ?? "-", Markup.Escape(r.Error ?? r.CountsJson));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
