using AnomalyHunter.Jobs.Framework;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>What a detect run did.</summary>
public sealed record DetectResult : IJobResult
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The consumer (detector configuration) that advanced.</summary>
    public required string Consumer { get; init; }

    /// <summary>The snapshot consumed up to.</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Points scored.</summary>
    public long Points { get; init; }

    /// <summary>Series with new data.</summary>
    public int Series { get; init; }

    /// <summary>Series re-scored from their start because data arrived before their watermark.</summary>
    public int SeriesRescored { get; init; }

    /// <summary>Groups scored by the multivariate pass.</summary>
    public int Groups { get; init; }

    /// <summary>Anomaly windows inserted or updated.</summary>
    public int WindowsChanged { get; init; }

    /// <summary>Wall time of the run in milliseconds.</summary>
    public long ElapsedMs { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Counts => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["points"] = Points,
        ["series"] = Series,
        ["series_rescored"] = SeriesRescored,
        ["groups"] = Groups,
        ["windows_changed"] = WindowsChanged,
        ["elapsed_ms"] = ElapsedMs,
    };
}
