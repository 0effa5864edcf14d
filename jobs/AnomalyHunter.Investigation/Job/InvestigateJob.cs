using System.Collections.Concurrent;
using System.Diagnostics;
using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.Job;

/// <summary>
/// Takes the candidates of a detect run (windows it created or changed, peak score at least <c>MinScore</c>, highest
/// first), runs the agents on each (candidates in parallel up to <c>Parallelism</c>, the three agents of a candidate
/// concurrently), synthesizes verdicts with the current learned weights, and stores them. Verdict ids derive from the
/// window's state, so a rerun skips what it already judged.
/// </summary>
public sealed class InvestigateJob
{
    private readonly Lake _lake;
    private readonly IInvestigationStore _store;
    private readonly InvestigateOptions _options;
    private readonly IReadOnlyList<IInvestigationAgent> _agents;
    private readonly RunbookLibrary _runbooks;
    private readonly IReadOnlyList<ChangeEvent> _events;

    /// <summary>Creates the job.</summary>
    public InvestigateJob(Lake lake, IInvestigationStore store, InvestigateOptions options, IReadOnlyList<IInvestigationAgent> agents, RunbookLibrary runbooks, IReadOnlyList<ChangeEvent> events)
    {
        options.Validate();
        _lake = lake;
        _store = store;
        _options = options;
        _agents = agents;
        _runbooks = runbooks;
        _events = events;
    }

    /// <summary>Runs the job as a recorded run.</summary>
    public Task<InvestigateResult> RunAsync(InvestigateRequest request, CancellationToken cancellationToken) =>
        JobRunner.RunAsync(
            _lake,
            "investigate",
            new { detectRun = request.DetectRunId, force = request.Force, minScore = _options.MinScore, maxCandidates = _options.MaxCandidates, agents = _agents.Select(a => a.Name + "@" + a.Version).ToArray() },
            run => ExecuteAsync(run, request, cancellationToken),
            cancellationToken);

    /// <summary>The latest successful detect run, or null.</summary>
    public static async Task<string?> LatestDetectRunAsync(ICatalog catalog, CancellationToken cancellationToken) =>
        (await catalog.ListRunsAsync(1000, cancellationToken)).FirstOrDefault(r => r.Job == "detect" && r.Outcome == JobRunner.Succeeded)?.RunId;

    private async Task<InvestigateResult> ExecuteAsync(JobRun run, InvestigateRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string detectRun = request.DetectRunId ?? await LatestDetectRunAsync(_lake.Catalog, cancellationToken)
            ?? throw new InvalidOperationException("There is no successful detect run to investigate; run detect first.");
        long head = await _lake.Catalog.CurrentSnapshotAsync(cancellationToken);
        var candidates = (await _lake.Catalog.ListAnomaliesAsync(new AnomalyFilter { MinScore = _options.MinScore }, cancellationToken))
            .Where(a => a.LastRunId == detectRun)
            .OrderByDescending(a => a.PeakScore).ThenBy(a => a.AnomalyId, StringComparer.Ordinal)
            .Take(_options.MaxCandidates)
            .ToList();
        var existing = request.Force ? new HashSet<string>() : await _store.FindVerdictIdsAsync([.. candidates.Select(VerdictIds.For)], cancellationToken);
        var todo = candidates.Where(a => !existing.Contains(VerdictIds.For(a))).ToList();
        var learning = await LearningStates.LoadAsync(_store, null, cancellationToken);
        var outcomes = await RunbookOutcomes.LoadAsync(_store, cancellationToken);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string consumer in todo.Select(a => a.Consumer).Distinct(StringComparer.Ordinal))
        {
            fingerprints[consumer] = (await _lake.Catalog.GetConsumerAsync(consumer, cancellationToken))?.Fingerprint ?? string.Empty;
        }

        var builder = new ContextBuilder(_lake, _options, _events);
        if (todo.Count > 0)
        {
            // why: the builder loads the series list once; doing it before the parallel loop keeps it single-threaded.
            await builder.BuildAsync(todo[0], head, cancellationToken);
        }

        var investigator = new CandidateInvestigator(_agents, new LearningRule(_options.Learning), _options);
        var verdicts = new ConcurrentBag<Verdict>();
        await Parallel.ForEachAsync(
            todo,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (anomaly, ct) =>
            {
                var context = (await builder.BuildAsync(anomaly, head, ct)) with { RunId = run.RunId };
                var verdict = await investigator.InvestigateAsync(context, run.RunId, _lake.Time.GetUtcNow(), fingerprints[anomaly.Consumer], learning, _runbooks, outcomes, ct);
                await VerdictRecords.SaveAsync(_store, verdict, ct);
                _lake.Log.Information("Verdict {VerdictId} on {AnomalyId}: {Decision} {Pattern}, severity {Severity}, confidence {Confidence}",
                    verdict.VerdictId, anomaly.AnomalyId, verdict.Decision, verdict.Pattern, verdict.Severity, verdict.Confidence);
                verdicts.Add(verdict);
            });
        var list = verdicts.OrderByDescending(v => v.Window.PeakScore).ThenBy(v => v.VerdictId, StringComparer.Ordinal).ToList();
        return new InvestigateResult
        {
            RunId = run.RunId,
            DetectRunId = detectRun,
            SnapshotId = head,
            Candidates = candidates.Count,
            Skipped = candidates.Count - todo.Count,
            Anomalies = list.Count(v => v.Decision == VerdictDecisions.Anomaly),
            Noise = list.Count(v => v.Decision == VerdictDecisions.Noise),
            Degraded = list.Count(v => v.Degraded),
            VerdictIds = [.. list.Select(v => v.VerdictId)],
            ElapsedMs = clock.ElapsedMilliseconds,
        };
    }
}
