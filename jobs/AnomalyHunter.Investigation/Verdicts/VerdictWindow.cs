using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>The candidate window a verdict judges.</summary>
public sealed record VerdictWindow
{
    [JsonPropertyName("start")]
    public required DateTimeOffset Start { get; init; }

    [JsonPropertyName("end")]
    public required DateTimeOffset End { get; init; }

    [JsonPropertyName("peak")]
    public required DateTimeOffset Peak { get; init; }

    [JsonPropertyName("peak_score")]
    public required double PeakScore { get; init; }

    [JsonPropertyName("points")]
    public required long Points { get; init; }

    [JsonPropertyName("passes")]
    public required IReadOnlyList<string> Passes { get; init; }

    /// <summary>The detector configuration (consumer) that found it.</summary>
    [JsonPropertyName("detector")]
    public required string Detector { get; init; }

    /// <summary><c>series</c> or <c>group</c> (a window of a group of series from a multivariate pass).</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "series";

    /// <summary>The group of a group window.</summary>
    [JsonPropertyName("group")]
    public string? GroupKey { get; init; }

    /// <summary>The window's contributions as the detector recorded them (JSON object).</summary>
    [JsonPropertyName("contributions")]
    public string Contributions { get; init; } = "{}";

    /// <summary>The detect run that last changed the window.</summary>
    [JsonPropertyName("detect_run")]
    public required string DetectRun { get; init; }
}
