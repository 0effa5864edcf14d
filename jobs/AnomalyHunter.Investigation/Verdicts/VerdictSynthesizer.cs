using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>
/// Combines the agents' findings into a verdict with the learned weights (see <see cref="LearningRule"/>): the pattern is
/// the pattern analyst's, or <c>correlated_incident</c> when the root-cause agent found related series moving with it; the
/// decision and confidence come from the weighted log-odds and the pass threshold; severity is the weighted mean of the
/// agents' severities; disagreement (agents voting against the decision) is listed and stated in the explanation.
/// </summary>
public sealed class VerdictSynthesizer
{
    private const int RunbookLimit = 3;
    private readonly LearningRule _rule;

    /// <summary>Creates the synthesizer.</summary>
    public VerdictSynthesizer(LearningRule rule) => _rule = rule;

    /// <summary>Builds the verdict.</summary>
    public Verdict Synthesize(SynthesisInput input)
    {
        var a = input.Anomaly;
        var byAgent = input.Findings.ToDictionary(f => f.Agent, StringComparer.Ordinal);
        string pattern = Pattern(byAgent);
        var confidences = input.Findings.ToDictionary(f => f.Agent, f => f.Confidence, StringComparer.Ordinal);
        double probability = _rule.Probability(input.Learning, pattern, input.Key.Metric, confidences);
        var passes = Passes(a.Passes);
        double threshold = passes.Count == 0 ? _rule.Options.BaseThreshold : passes.Min(p => _rule.PassThreshold(input.Learning, p));
        bool belowThreshold = a.PeakScore < threshold;
        string decision = probability >= 0.5 && !belowThreshold ? VerdictDecisions.Anomaly : VerdictDecisions.Noise;
        var weights = input.Findings.ToDictionary(f => f.Agent, f => Math.Round(_rule.AgentWeight(input.Learning, f.Agent, pattern), 4), StringComparer.Ordinal);
        var stances = input.Findings
            .Select(f => new AgentStance(f.Agent, f.Confidence >= 0.5 ? "real" : "not real", f.Confidence, weights[f.Agent],
                (f.Confidence >= 0.5) == (decision == VerdictDecisions.Anomaly), f.Source))
            .ToList();
        bool disagreement = stances.Any(s => !s.AgreesWithDecision);
        double weightSum = input.Findings.Sum(f => weights[f.Agent] + 0.1);
        int severity = decision == VerdictDecisions.Noise
            ? 1
            : Math.Clamp((int)Math.Round(input.Findings.Sum(f => (weights[f.Agent] + 0.1) * f.Severity) / weightSum), 1, 10);
        double confidence = Math.Round(decision == VerdictDecisions.Anomaly ? probability : Math.Max(1 - probability, belowThreshold ? 0.5 + (0.5 * (threshold - a.PeakScore) / Math.Max(1, threshold)) : 0), 4);
        string direction = Direction(byAgent);
        var runbooks = decision == VerdictDecisions.Anomaly
            ? RunbookMatcher.Rank(input.Runbooks, new RunbookSubject(pattern, input.Key, severity, direction, a.StartTsMs, a.EndTsMs), input.RunbookOutcomes, RunbookLimit)
            : [];
        var notes = input.Findings.Where(f => f.FallbackReason is not null).Select(f => $"{f.Agent}: {f.FallbackReason}").ToList();
        string explanation = Explain(decision, probability, confidence, threshold, a.PeakScore, belowThreshold, pattern, input.Findings, stances, notes, input.Learning.Version);
        return new Verdict
        {
            VerdictId = VerdictIds.For(a),
            AnomalyId = a.AnomalyId,
            RunId = input.RunId,
            CreatedAt = input.CreatedAt,
            SeriesId = a.SeriesId,
            Series = input.Key.Canonical,
            Metric = input.Key.Metric,
            Tenant = input.Key.Tenant,
            Region = input.Key.Region,
            Window = new VerdictWindow
            {
                Start = Text.At(a.StartTsMs),
                End = Text.At(a.EndTsMs),
                Peak = Text.At(a.PeakTsMs),
                PeakScore = a.PeakScore,
                Points = a.PointCount,
                Passes = passes,
                Detector = a.Consumer,
                DetectRun = a.LastRunId,
                Scope = a.Scope,
                GroupKey = a.GroupKey,
                Contributions = a.ContributionsJson,
            },
            Decision = decision,
            Pattern = pattern,
            Severity = severity,
            Confidence = confidence,
            Explanation = explanation,
            Recommendations = Recommendations(decision, pattern, byAgent, runbooks),
            Runbooks = runbooks,
            Stances = stances,
            Disagreement = disagreement,
            Degraded = notes.Count > 0,
            DegradedNotes = notes,
            Weights = new VerdictWeights
            {
                LearningVersion = input.Learning.Version,
                Rule = LearningRule.Name,
                AgentWeights = weights,
                PatternPrior = Math.Round(_rule.PatternPrior(input.Learning, pattern, input.Key.Metric), 4),
                PassThreshold = Math.Round(threshold, 4),
                Probability = Math.Round(probability, 6),
            },
            Findings = input.Findings,
            Manifest = input.Manifest,
        };
    }

    /// <summary>Splits a detector's pass list (<c>a,b</c> or <c>a+b</c>).</summary>
    public static IReadOnlyList<string> Passes(string passes) =>
        [.. passes.Split([',', '+', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string Pattern(Dictionary<string, Finding> byAgent)
    {
        if (byAgent.TryGetValue(AgentNames.RootCause, out var rc) && rc.Pattern == Patterns.CorrelatedIncident)
        {
            return Patterns.CorrelatedIncident;
        }

        if (byAgent.TryGetValue(AgentNames.PatternAnalyst, out var pa) && pa.Pattern is string p)
        {
            return p;
        }

        return byAgent.Values.Select(f => f.Pattern).FirstOrDefault(x => x is not null) ?? Patterns.Spike;
    }

    private static string Direction(Dictionary<string, Finding> byAgent)
    {
        if (byAgent.TryGetValue(AgentNames.PatternAnalyst, out var pa))
        {
            // why: the offline analyst states the direction itself (a trend named from its surroundings goes the drift's way,
            // which the shift around the window need not show); a model's finding may not, so fall back to the numbers.
            string? stated = pa.Evidence.FirstOrDefault(e => e.Name == "direction")?.Detail;
            if (stated is "up" or "down")
            {
                return stated;
            }

            var item = pa.Evidence.FirstOrDefault(e => e.Name == (pa.Pattern is Patterns.LevelShift or Patterns.TrendChange ? "level_shift_sigmas" : "peak_deviation_sigmas"));
            if (item?.Value is double v)
            {
                return v < 0 ? "down" : "up";
            }
        }

        return "up";
    }

    private static string Explain(
        string decision, double probability, double confidence, double threshold, double peakScore, bool belowThreshold, string pattern,
        IReadOnlyList<Finding> findings, IReadOnlyList<AgentStance> stances, IReadOnlyList<string> notes, int learningVersion)
    {
        var parts = new List<string>
        {
            decision == VerdictDecisions.Anomaly
                ? Text.F($"A real {pattern.Replace('_', ' ')} (confidence {Text.N(100 * confidence, 0)}%).")
                : belowThreshold
                    ? Text.F($"Most likely noise: its peak score {Text.N(peakScore, 1)} is below the learned threshold {Text.N(threshold, 1)} of its detector pass.")
                    : Text.F($"Most likely noise (probability of a real anomaly {Text.N(100 * probability, 0)}%)."),
        };
        parts.AddRange(findings.Select(f => f.Claim));
        var against = stances.Where(s => !s.AgreesWithDecision).ToList();
        if (against.Count > 0)
        {
            parts.Add("Disagreement: " + string.Join("; ", against.Select(s => Text.F($"the {s.Agent.Replace('-', ' ')} votes {s.Vote} ({Text.N(100 * s.Confidence, 0)}%, weight {Text.N(s.Weight)})"))) + ".");
        }

        if (notes.Count > 0)
        {
            parts.Add("Fallback to offline agents: " + string.Join("; ", notes) + ".");
        }

        parts.Add(Text.F($"Weights from learning version {learningVersion}."));
        return string.Join(" ", parts);
    }

    private static List<string> Recommendations(string decision, string pattern, Dictionary<string, Finding> byAgent, IReadOnlyList<RunbookSuggestion> runbooks)
    {
        var list = new List<string>();
        if (decision == VerdictDecisions.Noise)
        {
            list.Add("No action needed; if this was a real problem, say so with `anomaly-hunter feedback <id> --verdict incorrect` so that the weights learn.");
            return list;
        }

        if (byAgent.TryGetValue(AgentNames.RootCause, out var rc) && rc.Suspects.Count > 0 && pattern == Patterns.CorrelatedIncident)
        {
            list.Add($"Start with {rc.Suspects[0]}: it moved first.");
        }

        list.Add(pattern switch
        {
            Patterns.MissingData => "Check that the source and its collector are up, then backfill the gap.",
            Patterns.LevelShift or Patterns.TrendChange => "Compare with deployments and configuration changes at the change point; roll back if one matches.",
            Patterns.SeasonalityBreak => "Check schedules (cron, batch jobs, time zones) that moved.",
            Patterns.VarianceChange => "Check for flapping components or a changed sampling of the metric.",
            _ => "Look at the logs and traces of the affected component around the peak.",
        });
        list.AddRange(runbooks.Select(r => $"Runbook {r.Id}: {r.Title} (match {Text.N(r.Match)}, past success {Text.N(r.PastSuccess)})."));
        return list;
    }
}
