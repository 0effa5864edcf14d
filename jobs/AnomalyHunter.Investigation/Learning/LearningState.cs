using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Learning;

/// <summary>
/// Everything feedback has taught, as counts: per agent and pattern, how often the agent's vote matched the truth; per
/// pattern and metric, how often such candidates were real; per detector pass, how often its candidates were real. Weights
/// and thresholds are derived from the counts (see <see cref="LearningRule"/>), so the state is a plain sum of feedback.
/// </summary>
public sealed record LearningState
{
    /// <summary>The learning version these counts belong to (0: nothing learned yet).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }

    /// <summary>Feedback folded in.</summary>
    [JsonPropertyName("feedback_count")]
    public int FeedbackCount { get; init; }

    /// <summary>Accuracy counts per <c>agent|pattern</c> (only keys that received feedback; others are at the prior).</summary>
    [JsonPropertyName("agents")]
    public SortedDictionary<string, BetaCounts> Agents { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Real-anomaly counts per <c>pattern|metric</c>.</summary>
    [JsonPropertyName("patterns")]
    public SortedDictionary<string, BetaCounts> Patterns { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Real-anomaly counts per detector pass.</summary>
    [JsonPropertyName("passes")]
    public SortedDictionary<string, BetaCounts> Passes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The key of an agent and pattern.</summary>
    public static string AgentKey(string agent, string pattern) => agent + "|" + pattern;

    /// <summary>The key of a pattern and metric.</summary>
    public static string PatternKey(string pattern, string metric) => pattern + "|" + metric;
}
