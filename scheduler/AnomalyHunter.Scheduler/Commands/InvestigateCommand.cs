using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>investigate</c>: runs the agents on the candidates of a detect run and stores verdicts; <c>--replay ID</c> reproduces a verdict offline.</summary>
internal static class InvestigateCommand
{
    private static readonly Option<string?> Run = new("--run") { Description = "Detect run whose new or changed windows are investigated [default: the latest successful detect run]" };
    private static readonly Option<double?> MinScore = new("--min-score") { Description = "Least peak score (0-100) of a candidate [default: Investigate:MinScore, 50]" };
    private static readonly Option<int?> MaxCandidates = new("--max-candidates") { Description = "Most candidates, highest score first [default: Investigate:MaxCandidates, 200]" };
    private static readonly Option<string?> Events = new("--events") { Description = "Events file (JSON or CSV: time,kind,description,labels) of deployments and configuration changes [default: Investigate:EventsFile, none]" };
    private static readonly Option<bool> Force = new("--force") { Description = "Investigate again windows that already have a verdict [default: false]" };
    private static readonly Option<string?> Replay = new("--replay") { Description = "Reproduce the verdict with this id offline (recorded snapshot, settings, weights, cached model answers) and compare [default: none]" };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print JSON instead of a table [default: false]" };

    public static Command Create()
    {
        var command = new Command("investigate", "Run the pattern-analyst, change-detective and root-cause agents on a detect run's candidates and store verdicts")
        {
            Run, MinScore, MaxCandidates, Events, Force, Replay, AsJson,
        };
        CommandRunner.SetHostedAction(command, Overrides, RunAsync);
        return command;
    }

    private static Dictionary<string, string?> Overrides(ParseResult r)
    {
        var map = new Dictionary<string, string?>();
        if (r.GetValue(MinScore) is double s)
        {
            map["Investigate:MinScore"] = s.ToString("R", CultureInfo.InvariantCulture);
        }

        if (r.GetValue(MaxCandidates) is int m)
        {
            map["Investigate:MaxCandidates"] = m.ToString(CultureInfo.InvariantCulture);
        }

        if (r.GetValue(Events) is string e)
        {
            map["Investigate:EventsFile"] = e;
        }

        return map;
    }

    private static async Task<int> RunAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var settings = host.Settings.Investigate;
        var options = InvestigateFactory.Options(settings);
        var runbooks = await InvestigateFactory.RunbooksAsync(host, cancellationToken);
        var events = await InvestigateFactory.EventsAsync(settings.EventsFile, cancellationToken);
        if (result.GetValue(Replay) is string verdictId)
        {
            return await ReplayAsync(host, verdictId, runbooks, events, result.GetValue(AsJson), cancellationToken);
        }

        var job = new InvestigateJob(host.Lake, InvestigateFactory.Store(host), options, InvestigateFactory.Agents(host, options.Agents, allowNetwork: true), runbooks, events);
        InvestigateResult outcome;
        try
        {
            outcome = await ProgressDisplay.RunAsync("Investigating", _ => job.RunAsync(new InvestigateRequest { DetectRunId = result.GetValue(Run), Force = result.GetValue(Force) }, cancellationToken));
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("detect run", StringComparison.Ordinal))
        {
            throw new UsageException(ex.Message, ex);
        }

        var verdicts = new List<Verdict>();
        foreach (string id in outcome.VerdictIds)
        {
            var record = await InvestigateFactory.Store(host).GetVerdictAsync(id, cancellationToken);
            verdicts.Add(VerdictRecords.FromRecord(record!));
        }

        if (result.GetValue(AsJson))
        {
            Json.Print(new { outcome.RunId, outcome.DetectRunId, outcome.SnapshotId, outcome.Counts, verdicts = verdicts.Select(VerdictsCommand.Summary) });
            return ExitCodes.Success;
        }

        VerdictsCommand.PrintTable(verdicts, $"Verdicts of run {outcome.RunId} (detect run {outcome.DetectRunId})");
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Candidates} candidates, {outcome.Skipped} already judged, {outcome.Anomalies} anomalies, {outcome.Noise} noise, {outcome.Degraded} with an offline fallback, in {outcome.ElapsedMs / 1000.0:F1} s")));
        AnsiConsole.MarkupLine("Next: [bold]anomaly-hunter verdicts show ID[/], [bold]anomaly-hunter feedback ID --verdict correct|incorrect|partial[/]");
        return ExitCodes.Success;
    }

    private static async Task<int> ReplayAsync(AppHost host, string verdictId, Investigation.Runbooks.RunbookLibrary runbooks,
        IReadOnlyList<Investigation.Context.ChangeEvent> events, bool asJson, CancellationToken cancellationToken)
    {
        ReplayResult replay;
        try
        {
            replay = await new ReplayRunner(host.Lake, InvestigateFactory.Store(host))
                .ReplayAsync(verdictId, o => InvestigateFactory.Agents(host, o.Agents, allowNetwork: false), runbooks, events, cancellationToken);
        }
        catch (KeyNotFoundException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        if (asJson)
        {
            Json.Print(new { verdictId, replay.Reproduced, replay.SnapshotUsed, replay.InputsMatch, replay.Differences, replayed = VerdictsCommand.Summary(replay.Replayed) });
        }
        else
        {
            AnsiConsole.MarkupLine(replay.Reproduced
                ? $"[green]Reproduced[/] verdict {Markup.Escape(verdictId)} offline from snapshot {replay.SnapshotUsed.ToString(CultureInfo.InvariantCulture)}: {Markup.Escape(replay.Replayed.Decision)}, {Markup.Escape(replay.Replayed.Pattern)}, severity {replay.Replayed.Severity.ToString(CultureInfo.InvariantCulture)}, confidence {Format.Number(replay.Replayed.Confidence, 3)}"
                : $"[red]Not reproduced[/] verdict {Markup.Escape(verdictId)} (inputs {(replay.InputsMatch ? "match" : "differ")}):");
            foreach (string d in replay.Differences)
            {
                AnsiConsole.MarkupLine("  " + Markup.Escape(d));
            }
        }

        return replay.Reproduced ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
