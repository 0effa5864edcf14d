using System.CommandLine;
using System.Globalization;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using AnomalyHunter.Scheduler.Cli;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary><c>verdicts list</c> and <c>verdicts show ID</c>.</summary>
internal static class VerdictsCommand
{
    private static readonly Option<string?> Run = new("--run") { Description = "Only verdicts of this investigate run [default: all]" };
    private static readonly Option<string?> Decision = new("--decision") { Description = "Only this decision: anomaly or noise [default: both]" };
    private static readonly Option<int?> MinSeverity = new("--min-severity") { Description = "Only verdicts at least this severe (1-10) [default: all]" };
    private static readonly Option<int> Limit = new("--limit") { Description = "Most verdicts, newest first", DefaultValueFactory = _ => 50 };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print JSON instead of a table [default: false]" };
    private static readonly Argument<string> Id = new("ID") { Description = "Verdict id (vd-…)" };

    public static Command Create()
    {
        var list = new Command("list", "List verdicts, newest first") { Run, Decision, MinSeverity, Limit, AsJson };
        CommandRunner.SetHostedAction(list, CommandRunner.NoOverrides, ListAsync);
        var show = new Command("show", "Show a verdict with its evidence, disagreement, recommendations, runbooks, feedback and what produced it") { Id, AsJson };
        CommandRunner.SetHostedAction(show, CommandRunner.NoOverrides, ShowAsync);
        return new Command("verdicts", "Browse investigation verdicts") { list, show };
    }

    public static object Summary(Verdict v) => new
    {
        v.VerdictId, v.AnomalyId, v.Series, v.Decision, v.Pattern, v.Severity, v.Confidence, v.Degraded, v.Disagreement,
        start = v.Window.Start, end = v.Window.End, peakScore = v.Window.PeakScore, runbooks = v.Runbooks.Select(r => r.Id),
    };

    public static void PrintTable(IReadOnlyList<Verdict> verdicts, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title))
            .AddColumns("verdict", "series", "window (UTC)", "decision", "pattern")
            .AddColumn(new TableColumn("severity").RightAligned()).AddColumn(new TableColumn("confidence").RightAligned()).AddColumns("runbook", "notes");
        foreach (var v in verdicts)
        {
            string notes = string.Join(", ", new[] { v.Disagreement ? "agents disagree" : null, v.Degraded ? "offline fallback" : null }.Where(n => n is not null));
            table.AddRow(
                Markup.Escape(v.VerdictId),
                Markup.Escape(ShortSeries(v.Series)),
                Format.Time(v.Window.Start.ToUnixTimeMilliseconds()),
                v.Decision == VerdictDecisions.Anomaly ? "[red]anomaly[/]" : "noise",
                Markup.Escape(v.Pattern),
                v.Severity.ToString(CultureInfo.InvariantCulture),
                Format.Number(v.Confidence, 2),
                Markup.Escape(v.Runbooks.FirstOrDefault()?.Id ?? "-"),
                Markup.Escape(notes));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The metric and its label values without names, tenant and region (<c>cpu{api-01,api}</c>), for narrow tables.</summary>
    public static string ShortSeries(string canonical)
    {
        int open = canonical.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return canonical;
        }

        var values = canonical[(open + 1)..^1].Split("\",", StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("tenant=", StringComparison.Ordinal) && !p.StartsWith("region=", StringComparison.Ordinal))
            .Select(p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('"'));
        return canonical[..open] + "{" + string.Join(",", values) + "}";
    }

    private static async Task<int> ListAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        string? decision = result.GetValue(Decision);
        if (decision is not (null or VerdictDecisions.Anomaly or VerdictDecisions.Noise))
        {
            throw new UsageException($"--decision: '{decision}' is not one of anomaly, noise.");
        }

        var records = await InvestigateFactory.Store(host).ListVerdictsAsync(new VerdictFilter
        {
            RunId = result.GetValue(Run), Decision = decision, MinSeverity = result.GetValue(MinSeverity), Limit = result.GetValue(Limit),
        }, cancellationToken);
        var verdicts = records.Select(VerdictRecords.FromRecord).ToList();
        if (result.GetValue(AsJson))
        {
            Json.Print(verdicts.Select(Summary));
            return ExitCodes.Success;
        }

        PrintTable(verdicts, $"{verdicts.Count} verdicts");
        return ExitCodes.Success;
    }

    private static async Task<int> ShowAsync(AppHost host, ParseResult result, CancellationToken cancellationToken)
    {
        string id = result.GetValue(Id)!;
        var store = InvestigateFactory.Store(host);
        var record = await store.GetVerdictAsync(id, cancellationToken) ?? throw new UsageException($"There is no verdict '{id}'; list them with 'anomaly-hunter verdicts list'.");
        var v = VerdictRecords.FromRecord(record);
        var feedback = await store.ListFeedbackAsync(id, cancellationToken);
        var calls = (await store.ListLlmCallsAsync(v.RunId, cancellationToken)).Where(c => c.AnomalyId == v.AnomalyId).ToList();
        if (result.GetValue(AsJson))
        {
            Json.Print(new { verdict = v, feedback, llmCalls = calls });
            return ExitCodes.Success;
        }

        VerdictView.Print(v, feedback, calls);
        return ExitCodes.Success;
    }
}
