using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.Job;

/// <summary>
/// Reproduces a stored verdict offline: the same window, the data of the recorded snapshot, the recorded settings and
/// learning version, the runbook outcomes known then, and agents that may read the model response cache but never call a
/// model; then compares every part of the verdict.
/// </summary>
public sealed class ReplayRunner
{
    private readonly Lake _lake;
    private readonly IInvestigationStore _store;

    /// <summary>Creates the runner.</summary>
    public ReplayRunner(Lake lake, IInvestigationStore store)
    {
        _lake = lake;
        _store = store;
    }

    /// <summary>Replays <paramref name="verdictId"/>; <paramref name="agentsFor"/> builds the (offline or cache-only) agents for the recorded options.</summary>
    public async Task<ReplayResult> ReplayAsync(
        string verdictId,
        Func<InvestigateOptions, IReadOnlyList<IInvestigationAgent>> agentsFor,
        RunbookLibrary runbooks,
        IReadOnlyList<ChangeEvent> events,
        CancellationToken cancellationToken)
    {
        var record = await _store.GetVerdictAsync(verdictId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no verdict '{verdictId}'; list them with 'anomaly-hunter verdicts list'.");
        var original = VerdictRecords.FromRecord(record);
        var m = original.Manifest;
        var options = FindingJson.Deserialize<InvestigateOptions>(m.OptionsJson);
        var w = original.Window;
        var anomaly = new AnomalyRecord(original.AnomalyId, w.Detector, original.SeriesId, w.Start.ToUnixTimeMilliseconds(), w.End.ToUnixTimeMilliseconds(),
            w.Peak.ToUnixTimeMilliseconds(), w.PeakScore, w.Points, string.Join(',', w.Passes), w.DetectRun, w.DetectRun, false, w.Contributions, w.Scope, w.GroupKey);
        var builder = new ContextBuilder(_lake, options, events);
        long snapshot = m.SnapshotId;
        InvestigationContext context;
        try
        {
            context = await builder.BuildAsync(anomaly, snapshot, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // why: compaction may have deleted the recorded snapshot's files; the current files hold the same data unless it changed, which the hash tells.
            snapshot = await _lake.Catalog.CurrentSnapshotAsync(cancellationToken);
            context = await builder.BuildAsync(anomaly, snapshot, cancellationToken);
        }

        context = context with { RunId = original.RunId, SnapshotId = m.SnapshotId };
        bool inputsMatch = ContextBuilder.InputsHash(context) == m.InputsSha256;
        var learning = await LearningStates.LoadAsync(_store, m.LearningVersion, cancellationToken);
        var investigator = new CandidateInvestigator(agentsFor(options), new LearningRule(options.Learning), options);
        var replayed = await investigator.InvestigateAsync(context, original.RunId, original.CreatedAt, m.DetectorConfigHash, learning, runbooks, m.RunbookOutcomes, cancellationToken);
        return new ReplayResult(original, replayed, snapshot, inputsMatch, Compare(original, replayed));
    }

    private static List<string> Compare(Verdict a, Verdict b)
    {
        var diffs = new List<string>();
        void Check(string name, object? x, object? y)
        {
            if (!Equals(x, y))
            {
                diffs.Add($"{name}: recorded {x}, replayed {y}");
            }
        }

        Check("decision", a.Decision, b.Decision);
        Check("pattern", a.Pattern, b.Pattern);
        Check("severity", a.Severity, b.Severity);
        Check("confidence", a.Confidence, b.Confidence);
        Check("explanation", a.Explanation, b.Explanation);
        Check("runbooks", string.Join(",", a.Runbooks.Select(r => r.Id)), string.Join(",", b.Runbooks.Select(r => r.Id)));
        Check("manifest", FindingJson.Serialize(a.Manifest with { OptionsJson = string.Empty }), FindingJson.Serialize(b.Manifest with { OptionsJson = string.Empty }));
        foreach (var (fa, fb) in a.Findings.Zip(b.Findings))
        {
            Check("finding " + fa.Agent, FindingJson.Serialize(fa), FindingJson.Serialize(fb));
        }

        Check("findings", a.Findings.Count, b.Findings.Count);
        return diffs;
    }
}
