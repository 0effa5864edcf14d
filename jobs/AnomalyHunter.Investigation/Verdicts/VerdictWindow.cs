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

    /// <summary>The detect run that last changed the window.</summary>
    [JsonPropertyName("detect_run")]
    public required string DetectRun { get; init; }
}
