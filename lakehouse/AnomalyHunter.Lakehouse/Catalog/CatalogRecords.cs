using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>A stored series and its id.</summary>
public sealed record SeriesRecord(long SeriesId, SeriesKey Key, long CreatedAtMs);

/// <summary>A committed snapshot: one atomic change of the lakehouse.</summary>
public sealed record SnapshotRecord(long SnapshotId, long CreatedAtMs, string Operation, string? RunId, string SummaryJson);

/// <summary>A Parquet data file known to the catalog; <see cref="Path"/> is relative to the lake root, with '/' separators.</summary>
public sealed record DataFileRecord(
    long FileId,
    string Path,
    string Tenant,
    string Region,
    string PartitionDate,
    long RowCount,
    long MinTsMs,
    long MaxTsMs,
    long MinSeriesId,
    long MaxSeriesId,
    long SizeBytes,
    string Sha256,
    long AddedSnapshot,
    long? RemovedSnapshot);

/// <summary>A data file about to be committed (no id or snapshot yet).</summary>
public sealed record NewDataFile(
    string Path,
    string Tenant,
    string Region,
    string PartitionDate,
    long RowCount,
    long MinTsMs,
    long MaxTsMs,
    long MinSeriesId,
    long MaxSeriesId,
    long SizeBytes,
    string Sha256);

/// <summary>The extent of data a snapshot added or changed for one series; incremental consumers re-read from <see cref="MinTsMs"/>.</summary>
public sealed record SeriesChange(long SeriesId, long MinTsMs, long MaxTsMs, long RowCount);

/// <summary>An input file whose rows are committed, so a rerun skips it.</summary>
public sealed record IngestedSource(string Sha256, string Path, long RowsAccepted, long RowsQuarantined);

/// <summary>Everything one atomic lakehouse commit does.</summary>
public sealed record SnapshotCommit
{
    /// <summary>What kind of change: ingest, compact, rewrite or erase.</summary>
    public required string Operation { get; init; }

    /// <summary>The job run that made the change.</summary>
    public string? RunId { get; init; }

    /// <summary>Free-form JSON summary shown by <c>snapshots</c>.</summary>
    public string SummaryJson { get; init; } = "{}";

    /// <summary>Files that become visible.</summary>
    public IReadOnlyList<NewDataFile> AddedFiles { get; init; } = [];

    /// <summary>Ids of files that stop being visible; the commit fails if any is already removed.</summary>
    public IReadOnlyList<long> RemovedFileIds { get; init; } = [];

    /// <summary>Data changes per series (empty for compaction, which keeps the data as it is).</summary>
    public IReadOnlyList<SeriesChange> Changes { get; init; } = [];

    /// <summary>Input files fully ingested by this commit.</summary>
    public IReadOnlyList<IngestedSource> Sources { get; init; } = [];

    /// <summary>The snapshot the writer based its decisions on (used with <see cref="GuardedPartitions"/>).</summary>
    public long? BasedOnSnapshot { get; init; }

    /// <summary>Partitions that must not have gained files after <see cref="BasedOnSnapshot"/>; otherwise the commit is a conflict.</summary>
    public IReadOnlyList<PartitionRef> GuardedPartitions { get; init; } = [];
}

/// <summary>One partition of the metrics dataset.</summary>
public sealed record PartitionRef(string Tenant, string Region, string PartitionDate);

/// <summary>A file written to the lake but not yet committed; crash recovery deletes it when its run is gone.</summary>
public sealed record PendingFile(string Path, string RunId, long CreatedAtMs);

/// <summary>A recorded job run.</summary>
public sealed record JobRunRecord(
    string RunId,
    string Job,
    string ParametersJson,
    long? SnapshotId,
    long StartedAtMs,
    long? EndedAtMs,
    string Outcome,
    string CountsJson,
    string? Error,
    string Host,
    int ProcessId);

/// <summary>The position of an incremental consumer (e.g. one detector configuration) in the snapshot history.</summary>
public sealed record ConsumerRecord(string Consumer, long SnapshotId, long Version, string Fingerprint, long UpdatedAtMs);

/// <summary>Per-series progress of a consumer: everything at or before <see cref="WatermarkMs"/> is scored; <see cref="State"/> continues from there.</summary>
public sealed record SeriesCursor(long SeriesId, long WatermarkMs, long PointsSeen, byte[] State);

/// <summary>A series cursor's position without its state: what a run plans with before it loads states batch by batch.</summary>
public sealed record CursorMark(long SeriesId, long WatermarkMs, long PointsSeen);

/// <summary>A detected anomaly window of one series, or of a group of series (<see cref="Scope"/> = group).</summary>
/// <param name="AnomalyId">Stable id: a hash of the consumer, the series or group, and the start.</param>
/// <param name="Consumer">The detector configuration that found it.</param>
/// <param name="SeriesId">The series; for a group window, the series that contributed most at the peak.</param>
/// <param name="StartTsMs">First anomalous point (UTC epoch ms).</param>
/// <param name="EndTsMs">Last anomalous point.</param>
/// <param name="PeakTsMs">Time of the highest score.</param>
/// <param name="PeakScore">Highest combined score (0–100).</param>
/// <param name="PointCount">Anomalous points in the window.</param>
/// <param name="Passes">Comma-separated names of the passes whose own score reached the threshold.</param>
/// <param name="FirstRunId">Run that first reported the window.</param>
/// <param name="LastRunId">Run that last changed it.</param>
/// <param name="IsOpen">Whether the window may still grow.</param>
/// <param name="ContributionsJson">JSON object: each pass's peak score in the window (series scope), or each series' share of the group statistic at the peak (group scope).</param>
/// <param name="Scope"><c>series</c> or <c>group</c>.</param>
/// <param name="GroupKey">For group windows, the group (e.g. <c>host=web-1</c>).</param>
public sealed record AnomalyRecord(
    string AnomalyId,
    string Consumer,
    long SeriesId,
    long StartTsMs,
    long EndTsMs,
    long PeakTsMs,
    double PeakScore,
    long PointCount,
    string Passes,
    string FirstRunId,
    string LastRunId,
    bool IsOpen,
    string ContributionsJson = "{}",
    string Scope = AnomalyScopes.Series,
    string? GroupKey = null);

/// <summary>Values of <see cref="AnomalyRecord.Scope"/>.</summary>
public static class AnomalyScopes
{
    /// <summary>A window of one series.</summary>
    public const string Series = "series";

    /// <summary>A window of a group of series that belong together (multivariate pass).</summary>
    public const string Group = "group";
}

/// <summary>Progress of a consumer on a group of series (multivariate passes), like <see cref="SeriesCursor"/>.</summary>
public sealed record GroupCursor(string GroupKey, long WatermarkMs, long PointsSeen, byte[] State);

/// <summary>Everything one detect run commits, atomically, after it has scored its input.</summary>
public sealed record DetectionCommit
{
    /// <summary>The consumer (detector configuration) that advances.</summary>
    public required string Consumer { get; init; }

    /// <summary>The consumer version read at the start; the commit fails if another run advanced it meanwhile.</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>The snapshot consumed up to.</summary>
    public required long SnapshotId { get; init; }

    /// <summary>The detector fingerprint (configuration hash).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>New cursor per series processed.</summary>
    public IReadOnlyList<SeriesCursor> Cursors { get; init; } = [];

    /// <summary>Series re-scored from scratch (late data): their previous anomalies from this consumer are deleted first.</summary>
    public IReadOnlyList<long> ResetSeries { get; init; } = [];

    /// <summary>Windows to insert or update (keyed by consumer, series and start).</summary>
    public IReadOnlyList<AnomalyRecord> Anomalies { get; init; } = [];

    /// <summary>New cursor per group processed by multivariate passes.</summary>
    public IReadOnlyList<GroupCursor> GroupCursors { get; init; } = [];

    /// <summary>Groups re-scored from scratch: their previous group windows from this consumer are deleted first.</summary>
    public IReadOnlyList<string> ResetGroups { get; init; } = [];
}

/// <summary>Filters for listing anomalies; null means no filter.</summary>
public sealed record AnomalyFilter
{
    /// <summary>Only this consumer's anomalies.</summary>
    public string? Consumer { get; init; }

    /// <summary>Only these series.</summary>
    public IReadOnlyCollection<long>? SeriesIds { get; init; }

    /// <summary>Windows that end at or after this time.</summary>
    public long? FromMs { get; init; }

    /// <summary>Windows that start before this time.</summary>
    public long? ToMs { get; init; }

    /// <summary>Windows whose peak score is at least this.</summary>
    public double? MinScore { get; init; }

    /// <summary>At most this many rows, highest score first when set.</summary>
    public int? Limit { get; init; }
}
