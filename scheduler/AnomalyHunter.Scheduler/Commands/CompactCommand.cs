using System.CommandLine;
using AnomalyHunter.Jobs.Compact;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>compact</c>: merges small files per partition.</summary>
internal static class CompactCommand
{
    private static readonly Option<int> MinFiles = new("--min-files")
    {
        Description = "Compact partitions that hold at least this many files",
        DefaultValueFactory = _ => 2,
    };

    private static readonly Option<bool> PurgeNow = new("--purge-now")
    {
        Description = "Delete the replaced files right after the commit instead of after Lakehouse:RemovedFileRetention (only when no other process reads the lake)",
    };

    public static Command Create()
    {
        var command = new Command("compact", "Merge the small files of each partition into one file, as new snapshots; replaced files are deleted after the commit") { MinFiles, PurgeNow };
        CommandRunner.SetHostedAction(command, CommandRunner.NoOverrides, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        int minFiles = result.GetValue(MinFiles);
        if (minFiles < 2)
        {
            throw new UsageException($"--min-files: {minFiles} is below the allowed minimum 2.");
        }

        var job = new CompactJob(host.Lake, new CompactOptions
        {
            MinFiles = minFiles,
            RemovedFileRetention = result.GetValue(PurgeNow) ? TimeSpan.Zero : host.Settings.Lakehouse.RemovedFileRetention,
        });
        var r = await ProgressDisplay.RunAsync("Compacting", report =>
            job.RunAsync(new Progress<(int Done, int Total)>(p => report(p.Done, p.Total, "partitions")), cancellationToken));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("compact").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("partitions compacted", Format.Count(r.Partitions));
        table.AddRow("files merged", Format.Count(r.FilesIn));
        table.AddRow("rows rewritten", Format.Count(r.Rows));
        table.AddRow("replaced files deleted", Format.Count(r.FilesDeleted));
        table.AddRow("partitions skipped (changed meanwhile)", Format.Count(r.Conflicts));
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
