using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>detect</c>: scores everything new since the last run and stores anomaly windows.</summary>
internal static class DetectCommand
{
    private static readonly Option<double?> Threshold = new("--threshold")
    {
        Description = "Score (0-100) at or above which a point is anomalous [default: Detect:Threshold, 50]",
    };

    private static readonly Option<int?> MergeGap = new("--merge-gap")
    {
        Description = "Quiet points allowed inside one window [default: Detect:MergeGap, 3]",
    };

    public static Command Create()
    {
        var command = new Command("detect", "Score the data committed since the last detect run (incrementally, per series) and store anomaly windows")
        {
            Threshold, MergeGap,
        };
        CommandRunner.SetHostedAction(command, Overrides, RunAsync);
        return command;
    }

    internal static Dictionary<string, string?> Overrides(ParseResult r)
    {
        var map = new Dictionary<string, string?>();
        if (r.GetValue(Threshold) is double t)
        {
            map["Detect:Threshold"] = t.ToString("R", CultureInfo.InvariantCulture);
        }

        if (r.GetValue(MergeGap) is int g)
        {
            map["Detect:MergeGap"] = g.ToString(CultureInfo.InvariantCulture);
        }

        return map;
    }

    internal static DetectJob CreateJob(AppHost host) =>
        new(host.Lake, DetectFactory.Scorer(host.Settings.Detect), DetectFactory.Options(host.Settings.Detect), DetectFactory.Groups(host.Settings.Detect));

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var job = CreateJob(host);
        var outcome = await ProgressDisplay.RunAsync("Detecting", _ => job.RunAsync(null, cancellationToken));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("detect").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("detector", Markup.Escape(outcome.Consumer));
        table.AddRow("snapshot consumed", outcome.SnapshotId?.ToString(CultureInfo.InvariantCulture) ?? "-");
        table.AddRow("series with new data", Format.Count(outcome.Series));
        table.AddRow("series re-scored (late data)", Format.Count(outcome.SeriesRescored));
        table.AddRow("groups scored (multivariate)", Format.Count(outcome.Groups));
        table.AddRow("points scored", Format.Count(outcome.Points));
        table.AddRow("anomaly windows new or updated", Format.Count(outcome.WindowsChanged));
        table.AddRow("elapsed", Format.Number(outcome.ElapsedMs / 1000.0, 2) + " s");
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
