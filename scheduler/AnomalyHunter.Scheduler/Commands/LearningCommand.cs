using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>learning show</c>: the learned weights and thresholds, and every version's change with its reason.</summary>
internal static class LearningCommand
{
    private static readonly Option<int?> Version = new("--version") { Description = "Show this learning version [default: the current one]" };
    private static readonly Option<int> History = new("--history") { Description = "Also list this many recent versions with what changed and why", DefaultValueFactory = _ => 10 };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print JSON instead of tables [default: false]" };

    public static Command Create()
    {
        var show = new Command("show", "Show the learned agent weights, pattern priors and pass thresholds, and recent changes with their reasons") { Version, History, AsJson };
        CommandRunner.SetHostedAction(show, CommandRunner.NoOverrides, ShowAsync);
        return new Command("learning", "What feedback has taught (rule " + LearningRule.Name + ")") { show };
    }

    public static void PrintChanges(IReadOnlyList<LearningChange> changes)
    {
        foreach (var c in changes)
        {
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Key}: {c.Before:0.####} → {c.After:0.####} (α {c.Counts.Alpha:0.##}, β {c.Counts.Beta:0.##}) — {c.Reason}")));
        }
    }

    private static async Task<int> ShowAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        var store = InvestigateFactory.Store(host);
        var rule = new LearningRule(InvestigateFactory.Options(host.Settings.Investigate).Learning);
        var state = await LearningStates.LoadAsync(store, result.GetValue(Version), cancellationToken);
        var history = await store.ListLearningVersionsAsync(result.GetValue(History), cancellationToken);
        var agents = AgentNames.All.SelectMany(a => Patterns.All.Select(p => new
        {
            agent = a, pattern = p, counts = rule.AgentCounts(state, a, p), weight = rule.AgentWeight(state, a, p), taught = state.Agents.ContainsKey(LearningState.AgentKey(a, p)),
        })).ToList();
        var patterns = state.Patterns.Select(p => new { key = p.Key, counts = p.Value, prior = p.Value.Mean }).ToList();
        var passes = state.Passes.Select(p => new { pass = p.Key, counts = p.Value, precision = p.Value.Mean, threshold = rule.PassThreshold(state, p.Key) }).ToList();
        if (result.GetValue(AsJson))
        {
            Json.Print(new
            {
                rule = LearningRule.Name, state.Version, state.FeedbackCount, options = rule.Options, agents, patterns, passes,
                history = history.Select(h => new { h.Version, createdAt = Format.IsoTime(h.CreatedAtMs), h.FeedbackId, changes = FindingJson.Deserialize<List<LearningChange>>(h.ChangesJson) }),
            });
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLine(Markup.Escape($"Learning version {state.Version} ({LearningRule.Name}), from {state.FeedbackCount} feedback. Untaught weights are at their priors: agent weight {rule.AgentWeight(new LearningState(), AgentNames.PatternAnalyst, Patterns.Spike):0.###}, pattern prior {rule.Options.PatternPrior / (2 * rule.Options.PatternPrior):0.###}, pass threshold {rule.Options.BaseThreshold:0.#}."));
        var t = new Table().Border(TableBorder.Rounded).Title("Agent weights (taught only)").AddColumns("agent", "pattern").AddColumn(new TableColumn("α").RightAligned())
            .AddColumn(new TableColumn("β").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("weight").RightAligned());
        foreach (var a in agents.Where(a => a.taught))
        {
            t.AddRow(a.agent, a.pattern, Format.Number(a.counts.Alpha, 2), Format.Number(a.counts.Beta, 2), Format.Number(a.counts.Mean, 3), Format.Number(a.weight, 3));
        }

        AnsiConsole.Write(t);
        var p = new Table().Border(TableBorder.Rounded).Title("Pattern priors (share of real anomalies)").AddColumn("pattern|metric").AddColumn(new TableColumn("α").RightAligned())
            .AddColumn(new TableColumn("β").RightAligned()).AddColumn(new TableColumn("prior").RightAligned());
        foreach (var x in patterns)
        {
            p.AddRow(Markup.Escape(x.key), Format.Number(x.counts.Alpha, 2), Format.Number(x.counts.Beta, 2), Format.Number(x.prior, 3));
        }

        AnsiConsole.Write(p);
        var q = new Table().Border(TableBorder.Rounded).Title("Detector pass thresholds").AddColumn("pass").AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("threshold").RightAligned());
        foreach (var x in passes)
        {
            q.AddRow(Markup.Escape(x.pass), Format.Number(x.precision, 3), Format.Number(x.threshold, 1));
        }

        AnsiConsole.Write(q);
        foreach (var h in history)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"version {h.Version} at {Format.Time(h.CreatedAtMs)} from feedback #{h.FeedbackId}:"));
            PrintChanges(FindingJson.Deserialize<List<LearningChange>>(h.ChangesJson));
        }

        return ExitCodes.Success;
    }
}
