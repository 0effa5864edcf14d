using Parquet.Serialization.Attributes;

namespace AnomalyHunter.Jobs.Query;

/// <summary>An anomaly window joined with its series, as exported to CSV, JSON and Parquet.</summary>
public sealed class AnomalyRow
{
    /// <summary>Stable id of the window.</summary>
    public required string AnomalyId { get; init; }

    /// <summary>Canonical series key.</summary>
    public required string Series { get; init; }

    /// <summary>Metric name.</summary>
    public required string Metric { get; init; }

    /// <summary>Tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>Data region.</summary>
    public required string Region { get; init; }

    /// <summary>First anomalous point (UTC).</summary>
    [ParquetTimestamp(ParquetTimestampResolution.Milliseconds)]
    public required DateTime Start { get; init; }

    /// <summary>Last anomalous point (UTC).</summary>
    [ParquetTimestamp(ParquetTimestampResolution.Milliseconds)]
    public required DateTime End { get; init; }

    /// <summary>Time of the highest score (UTC).</summary>
    [ParquetTimestamp(ParquetTimestampResolution.Milliseconds)]
    public required DateTime PeakTime { get; init; }

    /// <summary>Highest score in the window (0–100).</summary>
    public required double PeakScore { get; init; }

    /// <summary>Anomalous points in the window.</summary>
    public required long Points { get; init; }

    /// <summary>Passes that fired.</summary>
    public required string Passes { get; init; }

    /// <summary>JSON: each pass's peak score (series windows) or each series' share of the group statistic (group windows).</summary>
    public required string Contributions { get; init; }

    /// <summary><c>series</c> or <c>group</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The group of a group window (e.g. <c>host=web-1</c>); empty for series windows.</summary>
    public required string Group { get; init; }

    /// <summary>The detector configuration (consumer) that found it.</summary>
    public required string Detector { get; init; }

    /// <summary>Whether the window may still grow with the next data.</summary>
    public required bool Open { get; init; }

    /// <summary>Run that first reported the window.</summary>
    public required string FirstRunId { get; init; }

    /// <summary>Run that last changed the window.</summary>
    public required string LastRunId { get; init; }
}
