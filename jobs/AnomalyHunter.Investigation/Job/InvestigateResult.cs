using AnomalyHunter.Jobs.Framework;

namespace AnomalyHunter.Investigation.Job;

/// <summary>What an investigate run did.</summary>
public sealed record InvestigateResult : IJobResult
{
    public required string RunId { get; init; }

    /// <summary>The detect run whose candidates were investigated.</summary>
    public string? DetectRunId { get; init; }

    public long? SnapshotId { get; init; }

    public int Candidates { get; init; }

    /// <summary>Candidates that already had a verdict for the same window state (skipped).</summary>
    public int Skipped { get; init; }

    public int Anomalies { get; init; }

    public int Noise { get; init; }

    /// <summary>Verdicts where an LLM agent fell back to its offline version.</summary>
    public int Degraded { get; init; }

    public IReadOnlyList<string> VerdictIds { get; init; } = [];

    public long ElapsedMs { get; init; }

    public IReadOnlyDictionary<string, long> Counts => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["candidates"] = Candidates,
        ["skipped"] = Skipped,
        ["anomaly"] = Anomalies,
        ["noise"] = Noise,
        ["degraded"] = Degraded,
        ["elapsed_ms"] = ElapsedMs,
    };
}
