using System.CommandLine;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Demo;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using AnomalyHunter.Synthetic.Options;
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

        var outcome = await ProgressDisplay.RunAsync("Ingest + detect per day", report =>
            SyntheticReplay.RunAsync(host, result.GetValue(Seed), days, report, cancellationToken));
        AnsiConsole.MarkupLine($"Generated {Format.Count(outcome.Series)} series, {Format.Count(outcome.GeneratedPoints)} points and {outcome.Labels.Count} labelled anomalies into [bold]{Markup.Escape(host.DataDir)}[/]");
        Print(outcome.Rows, outcome.Consumer, days, outcome.PointsScored, outcome.Elapsed);
        return ExitCodes.Success;
    }

    private static void Print(IReadOnlyList<KindScore> rows, string detector, int days, long points, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Detection against the labels, per anomaly kind")
            .AddColumn(new TableColumn("kind").NoWrap())
            .AddColumn(new TableColumn("labelled").RightAligned())
            .AddColumn(new TableColumn("found").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("windows").RightAligned())
            .AddColumn(new TableColumn("correct").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("kind agrees").RightAligned());
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Kind),
                Format.Count(r.Labelled),
                Format.Count(r.Found),
                r.Recall is double rc ? Format.Number(rc, 2) : "-",
                Format.Count(r.Windows),
                Format.Count(r.Correct),
                r.Precision is double p ? Format.Number(p, 2) : "-",
                r.Agreement is double a ? Format.Number(a, 2) : "-");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]A window's kind is the pattern analyst's (missing data: the detector's own; correlated incident: overlapping windows of related series). A kind's precision: its windows that overlap a label; kind agrees: those whose label has that kind.[/]");
        AnsiConsole.MarkupLine($"detector {Markup.Escape(detector)}; {days} daily batches, {Format.Count(points)} points scored in {Format.Number(elapsed.TotalSeconds, 1)} s");
        AnsiConsole.MarkupLine("Next: [bold]anomaly-hunter anomalies --limit 20[/], [bold]anomaly-hunter partitions[/], [bold]anomaly-hunter query \"SELECT ...\"[/]");
    }
}
