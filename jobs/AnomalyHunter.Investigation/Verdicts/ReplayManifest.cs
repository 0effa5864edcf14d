using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>Everything that produced a verdict, so that <c>investigate --replay</c> can reproduce it offline.</summary>
public sealed record ReplayManifest
{
    /// <summary>The lakehouse snapshot whose data was read.</summary>
    [JsonPropertyName("snapshot_id")]
    public required long SnapshotId { get; init; }

    /// <summary>The detector configuration (consumer name, which embeds a hash of its settings).</summary>
    [JsonPropertyName("detector")]
    public required string Detector { get; init; }

    /// <summary>The detector's configuration fingerprint recorded by its consumer.</summary>
    [JsonPropertyName("detector_config_hash")]
    public required string DetectorConfigHash { get; init; }

    /// <summary>Agent → version of its logic.</summary>
    [JsonPropertyName("agent_versions")]
    public required IReadOnlyDictionary<string, string> AgentVersions { get; init; }

    /// <summary>Agent → prompt file version (LLM agents only).</summary>
    [JsonPropertyName("prompt_versions")]
    public required IReadOnlyDictionary<string, string> PromptVersions { get; init; }

    /// <summary>Agent → model name (LLM agents only).</summary>
    [JsonPropertyName("models")]
    public required IReadOnlyDictionary<string, string> Models { get; init; }

    /// <summary>The learning version whose weights were used.</summary>
    [JsonPropertyName("learning_version")]
    public required int LearningVersion { get; init; }

    /// <summary>SHA-256 of the points, peers and events examined.</summary>
    [JsonPropertyName("inputs_sha256")]
    public required string InputsSha256 { get; init; }

    /// <summary>SHA-256 of the runbook library.</summary>
    [JsonPropertyName("runbooks_sha256")]
    public required string RunbooksSha256 { get; init; }

    /// <summary>Runbook id → outcomes known when the verdict was made (they rank the runbooks).</summary>
    [JsonPropertyName("runbook_outcomes")]
    public required IReadOnlyDictionary<string, Runbooks.RunbookOutcome> RunbookOutcomes { get; init; }

    /// <summary>The investigation settings used (history, peers, agent thresholds), as JSON.</summary>
    [JsonPropertyName("options")]
    public required string OptionsJson { get; init; }
}
