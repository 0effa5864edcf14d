using System.Globalization;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using AnomalyHunter.Scheduler.Output;
using Spectre.Console;

namespace AnomalyHunter.Scheduler.Commands;

/// <summary>The human view of one verdict (<c>verdicts show</c>).</summary>
internal static class VerdictView
{
    public static void Print(Verdict v, IReadOnlyList<FeedbackRecord> feedback, IReadOnlyList<LlmCallRecord> calls)
    {
        var inv = CultureInfo.InvariantCulture;
        AnsiConsole.Write(new Rule(Markup.Escape($"{v.VerdictId}: {v.Decision}, {v.Pattern}, severity {v.Severity}, confidence {v.Confidence.ToString("F2", inv)}")).LeftJustified());
        AnsiConsole.MarkupLine($"[bold]series[/]   {Markup.Escape(v.Series)}");
        AnsiConsole.MarkupLine($"[bold]window[/]   {Format.Time(v.Window.Start.ToUnixTimeMilliseconds())} → {Format.Time(v.Window.End.ToUnixTimeMilliseconds())}, peak {Format.Number(v.Window.PeakScore, 1)} at {Format.Time(v.Window.Peak.ToUnixTimeMilliseconds())}, {v.Window.Points.ToString(inv)} points, passes {Markup.Escape(string.Join(",", v.Window.Passes))}");
        AnsiConsole.MarkupLine($"[bold]anomaly[/]  {Markup.Escape(v.AnomalyId)} by {Markup.Escape(v.Window.Detector)} (detect run {Markup.Escape(v.Window.DetectRun)}); investigate run {Markup.Escape(v.RunId)} at {Format.Time(v.CreatedAt.ToUnixTimeMilliseconds())}");
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(v.Explanation);
        AnsiConsole.WriteLine();

        var stances = new Table().Border(TableBorder.Rounded).Title("Agents").AddColumns("agent", "source", "vote")
            .AddColumn(new TableColumn("confidence").RightAligned()).AddColumn(new TableColumn("weight").RightAligned()).AddColumns("agrees", "claim");
        foreach (var s in v.Stances)
        {
            var f = v.Findings.First(x => x.Agent == s.Agent);
            stances.AddRow(Markup.Escape(s.Agent), Markup.Escape(s.Source + (f.Model is null ? string.Empty : " " + f.Model)), Markup.Escape(s.Vote), Format.Number(s.Confidence, 2), Format.Number(s.Weight, 3),
                s.AgreesWithDecision ? "yes" : "[yellow]no[/]", Markup.Escape(f.Claim + (f.FallbackReason is null ? string.Empty : " [fallback: " + f.FallbackReason + "]")));
        }

        AnsiConsole.Write(stances);
        var evidence = new Table().Border(TableBorder.Rounded).Title("Evidence").AddColumns("agent", "name").AddColumn(new TableColumn("value").RightAligned()).AddColumns("unit", "from", "to", "series / detail");
        foreach (var f in v.Findings)
        {
            foreach (var e in f.Evidence)
            {
                evidence.AddRow(Markup.Escape(f.Agent), Markup.Escape(e.Name), e.Value is double x ? Markup.Escape(x.ToString("0.####", inv)) : "-", Markup.Escape(e.Unit ?? "-"),
                    e.From is { } a ? Format.Time(a.ToUnixTimeMilliseconds()) : "-", e.To is { } b ? Format.Time(b.ToUnixTimeMilliseconds()) : "-",
                    Markup.Escape(string.Join(" ", new[] { e.Series, e.Detail }.Where(t => t is not null))));
            }
        }

        AnsiConsole.Write(evidence);
        AnsiConsole.MarkupLine("[bold]Recommendations[/]");
        foreach (string r in v.Recommendations)
        {
            AnsiConsole.MarkupLine("  • " + Markup.Escape(r));
        }

        foreach (var rb in v.Runbooks)
        {
            AnsiConsole.MarkupLine($"[bold]Runbook {Markup.Escape(rb.Id)}[/]: {Markup.Escape(rb.Title)} (score {Format.Number(rb.Score, 2)}: match {Format.Number(rb.Match, 2)}, past success {Format.Number(rb.PastSuccess, 2)})");
            for (int i = 0; i < rb.Steps.Count; i++)
            {
                AnsiConsole.MarkupLine($"  {(i + 1).ToString(inv)}. {Markup.Escape(rb.Steps[i])}");
            }

            foreach (string cmd in rb.Verify)
            {
                AnsiConsole.MarkupLine("  verify: " + Markup.Escape(cmd));
            }
        }

        var m = v.Manifest;
        AnsiConsole.MarkupLine("[bold]Produced by[/]");
        AnsiConsole.MarkupLine(Markup.Escape($"  snapshot {m.SnapshotId}; detector {m.Detector} (config {m.DetectorConfigHash}); learning version {m.LearningVersion} ({v.Weights.Rule}: pattern prior {v.Weights.PatternPrior:F3}, pass threshold {v.Weights.PassThreshold:F1}, probability {v.Weights.Probability:F3})"));
        AnsiConsole.MarkupLine(Markup.Escape("  agents " + string.Join(", ", m.AgentVersions.Select(p => $"{p.Key}@{p.Value}"))
            + (m.Models.Count == 0 ? "; no model" : "; models " + string.Join(", ", m.Models.Select(p => $"{p.Key}={p.Value} (prompt {m.PromptVersions.GetValueOrDefault(p.Key)})")))));
        AnsiConsole.MarkupLine(Markup.Escape($"  inputs sha256 {m.InputsSha256}; runbooks sha256 {m.RunbooksSha256}"));
        AnsiConsole.MarkupLine(Markup.Escape($"  replay: anomaly-hunter investigate --replay {v.VerdictId}"));
        foreach (var c in calls)
        {
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"  model call: {c.Agent} → {(c.Endpoint.Length == 0 ? "(not sent)" : c.Endpoint)} {c.Model} [{c.Outcome}] {c.PromptTokens}+{c.CompletionTokens} tokens, cost {c.Cost:F6}, sha256 {c.RequestSha256[..12]}… {c.Error}")));
        }

        foreach (var f in feedback)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  feedback #{f.FeedbackId}: {f.Verdict} by {f.UserName} at {Format.Time(f.CreatedAtMs)}" + (f.ResolvedBy is null ? string.Empty : $", resolved by {f.ResolvedBy}") + (f.Note is null ? string.Empty : $": {f.Note}") + $" → learning version {f.LearningVersion}"));
        }
    }
}
