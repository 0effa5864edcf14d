using System.Text.Json.Serialization;
using AnomalyHunter.Investigation.Findings;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>The combined judgement on one candidate: decision, pattern, severity, confidence, explanation, recommendations, runbooks, the agents' findings and stances, and what produced it.</summary>
public sealed record Verdict
{
    [JsonPropertyName("verdict_id")]
    public required string VerdictId { get; init; }

    [JsonPropertyName("anomaly_id")]
    public required string AnomalyId { get; init; }

    [JsonPropertyName("run_id")]
    public required string RunId { get; init; }

    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("series_id")]
    public required long SeriesId { get; init; }

    [JsonPropertyName("series")]
    public required string Series { get; init; }

    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    [JsonPropertyName("tenant")]
    public required string Tenant { get; init; }

    [JsonPropertyName("region")]
    public required string Region { get; init; }

    [JsonPropertyName("window")]
    public required VerdictWindow Window { get; init; }

    /// <summary><c>anomaly</c> or <c>noise</c>.</summary>
    [JsonPropertyName("decision")]
    public required string Decision { get; init; }

    [JsonPropertyName("pattern")]
    public required string Pattern { get; init; }

    /// <summary>1 (cosmetic) to 10 (critical).</summary>
    [JsonPropertyName("severity")]
    public required int Severity { get; init; }

    /// <summary>Confidence in the decision (0–1).</summary>
    [JsonPropertyName("confidence")]
    public required double Confidence { get; init; }

    /// <summary>One paragraph that cites the evidence.</summary>
    [JsonPropertyName("explanation")]
    public required string Explanation { get; init; }

    [JsonPropertyName("recommendations")]
    public required IReadOnlyList<string> Recommendations { get; init; }

    [JsonPropertyName("runbooks")]
    public required IReadOnlyList<RunbookSuggestion> Runbooks { get; init; }

    [JsonPropertyName("stances")]
    public required IReadOnlyList<AgentStance> Stances { get; init; }

    /// <summary>Whether the agents disagreed about whether the candidate is real.</summary>
    [JsonPropertyName("disagreement")]
    public required bool Disagreement { get; init; }

    /// <summary>Whether an LLM agent fell back to its offline version.</summary>
    [JsonPropertyName("degraded")]
    public required bool Degraded { get; init; }

    /// <summary>Why agents fell back, one note per agent.</summary>
    [JsonPropertyName("degraded_notes")]
    public required IReadOnlyList<string> DegradedNotes { get; init; }

    [JsonPropertyName("weights")]
    public required VerdictWeights Weights { get; init; }

    [JsonPropertyName("findings")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    [JsonPropertyName("manifest")]
    public required ReplayManifest Manifest { get; init; }
}
