using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Findings;

/// <summary>One measured fact behind a claim: a named number with its unit, the time range it covers and the series it is about.</summary>
public sealed record EvidenceItem
{
    /// <summary>What was measured, such as <c>peak_deviation_sigmas</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The number (null for purely descriptive items).</summary>
    [JsonPropertyName("value")]
    public double? Value { get; init; }

    /// <summary>Unit of <see cref="Value"/>, such as <c>sigma</c>, <c>percent</c> or the series' unit.</summary>
    [JsonPropertyName("unit")]
    public string? Unit { get; init; }

    /// <summary>Start of the time range the item covers (UTC).</summary>
    [JsonPropertyName("from")]
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the time range the item covers (UTC).</summary>
    [JsonPropertyName("to")]
    public DateTimeOffset? To { get; init; }

    /// <summary>Canonical key of the series the item is about, when not the candidate's own.</summary>
    [JsonPropertyName("series")]
    public string? Series { get; init; }

    /// <summary>A short human sentence.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
