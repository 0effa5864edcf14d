using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Findings;

/// <summary>
/// What one agent concluded about one candidate: a claim, the evidence with numbers and time ranges, a confidence (0–1) that
/// the candidate is a real anomaly as claimed, and a severity (1–10). The JSON form follows <c>Findings/finding.schema.json</c>.
/// </summary>
public sealed record Finding
{
    /// <summary>Agent name, such as <c>pattern-analyst</c>.</summary>
    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    /// <summary>Version of the agent's logic (offline) or of its prompt (LLM).</summary>
    [JsonPropertyName("agent_version")]
    public required string AgentVersion { get; init; }

    /// <summary><c>offline</c> (deterministic) or <c>llm</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Model that produced it (LLM only).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Prompt file version (LLM only).</summary>
    [JsonPropertyName("prompt_version")]
    public string? PromptVersion { get; init; }

    /// <summary>One sentence stating the conclusion.</summary>
    [JsonPropertyName("claim")]
    public required string Claim { get; init; }

    /// <summary>The pattern the agent sees, such as <c>level_shift</c>; null when the agent does not classify.</summary>
    [JsonPropertyName("pattern")]
    public string? Pattern { get; init; }

    /// <summary>Measured facts behind the claim.</summary>
    [JsonPropertyName("evidence")]
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Confidence, 0 to 1, that the candidate is a real anomaly as claimed.</summary>
    [JsonPropertyName("confidence")]
    public required double Confidence { get; init; }

    /// <summary>Severity, 1 (cosmetic) to 10 (critical).</summary>
    [JsonPropertyName("severity")]
    public required int Severity { get; init; }

    /// <summary>Ranked root-cause candidates (series keys), for the root-cause agent.</summary>
    [JsonPropertyName("suspects")]
    public IReadOnlyList<string> Suspects { get; init; } = [];

    /// <summary>Why the LLM version was not used, when this finding comes from the offline fallback.</summary>
    [JsonPropertyName("fallback_reason")]
    public string? FallbackReason { get; init; }

    /// <summary>Cache key of the model response (LLM only), so that replays reuse it without calling the model.</summary>
    [JsonPropertyName("cache_key")]
    public string? CacheKey { get; init; }
}
