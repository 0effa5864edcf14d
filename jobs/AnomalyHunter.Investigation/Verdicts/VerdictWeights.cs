using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>The learned values a verdict used.</summary>
public sealed record VerdictWeights
{
    [JsonPropertyName("learning_version")]
    public required int LearningVersion { get; init; }

    [JsonPropertyName("rule")]
    public required string Rule { get; init; }

    [JsonPropertyName("agent_weights")]
    public required IReadOnlyDictionary<string, double> AgentWeights { get; init; }

    /// <summary>Learned rate of real anomalies for the pattern on this metric.</summary>
    [JsonPropertyName("pattern_prior")]
    public required double PatternPrior { get; init; }

    /// <summary>The lowest learned threshold among the candidate's passes.</summary>
    [JsonPropertyName("pass_threshold")]
    public required double PassThreshold { get; init; }

    /// <summary>Combined probability that the candidate is real.</summary>
    [JsonPropertyName("probability")]
    public required double Probability { get; init; }
}
