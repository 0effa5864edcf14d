using System.CommandLine;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Commands;

var root = new RootCommand(
    "anomaly-hunter: batch anomaly detection over a time-partitioned Parquet lakehouse.\n" + ExitCodes.HelpText);
GlobalOptions.AddTo(root);
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(DetectCommand.Create());
root.Subcommands.Add(AnomaliesCommand.Create());
root.Subcommands.Add(CompactCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
root.Subcommands.Add(BacktestCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(InvestigateCommand.Create());
root.Subcommands.Add(VerdictsCommand.Create());
root.Subcommands.Add(FeedbackCommand.Create());
root.Subcommands.Add(LearningCommand.Create());
foreach (var command in ListCommands.Create())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
