using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Investigation.Context;

/// <summary>Everything the agents may look at for one candidate window.</summary>
public sealed record InvestigationContext
{
    /// <summary>The candidate window.</summary>
    public required AnomalyRecord Anomaly { get; init; }

    /// <summary>The candidate's series with its history before and its data after the window.</summary>
    public required SeriesContext Target { get; init; }

    /// <summary>Related series (same tenant and region, sharing a grouping label such as host or service).</summary>
    public IReadOnlyList<SeriesContext> Peers { get; init; } = [];

    /// <summary>Events from the events file (all of them; agents pick what applies).</summary>
    public IReadOnlyList<ChangeEvent> Events { get; init; } = [];

    /// <summary>Per-series contributions (series id → share, 0–1) of the multivariate PCA pass, when the window carries them.</summary>
    public IReadOnlyDictionary<long, double>? PcaContributions { get; init; }

    /// <summary>The investigate run (recorded with every language-model call).</summary>
    public string RunId { get; init; } = string.Empty;

    /// <summary>The lakehouse snapshot the points were read at.</summary>
    public long SnapshotId { get; init; }
}
