namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Lakehouse housekeeping settings.</summary>
internal sealed class LakehouseSettings
{
    /// <summary>How long files replaced by compaction stay on disk for readers of older snapshots (0 to 7 days).</summary>
    public TimeSpan RemovedFileRetention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows buffered by ingest before the sources read so far are committed (10000 to 500000000).</summary>
    public int CommitRows { get; set; } = 20_000_000;
}
