using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Lakehouse.DuckDb;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>query SQL</c>: DuckDB SQL over one snapshot of the lake (view <c>metrics</c>, tables <c>series</c> and <c>anomalies</c>).</summary>
internal static class QueryCommand
{
    private static readonly Argument<string> Sql = new("SQL")
    {
        Description = "DuckDB SQL; the view 'metrics' (series_id, series_key, ts, value, tenant, region, date) and the tables 'series' and 'anomalies' are defined",
    };

    private static readonly Option<long?> Snapshot = new("--snapshot") { Description = "Read this snapshot instead of the latest (time travel)" };
    private static readonly Option<int> MaxRows = new("--max-rows") { Description = "Rows to print at most", DefaultValueFactory = _ => 1000 };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print JSON instead of a table" };

    public static Command Create()
    {
        var command = new Command("query", "Run DuckDB SQL over a committed snapshot of the lake") { Sql, Snapshot, MaxRows, AsJson };
        CommandRunner.SetHostedAction(command, CommandRunner.NoOverrides, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        await using var session = await LakeSqlSession.OpenAsync(host.Catalog, host.Lake.Layout, result.GetValue(Snapshot), cancellationToken);
        var (columns, rows) = await session.QueryAsync(result.GetValue(Sql)!, result.GetValue(MaxRows), cancellationToken);
        if (result.GetValue(AsJson))
        {
            Json.Print(rows.Select(r => columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (string c in columns)
        {
            table.AddColumn(Markup.Escape(c));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(v => Markup.Escape(Render(v))).ToArray());
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{rows.Count} rows (snapshot {session.SnapshotId.ToString(CultureInfo.InvariantCulture)})");
        return ExitCodes.Success;
    }

    private static string Render(object? value) => value switch
    {
        null => "NULL",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
