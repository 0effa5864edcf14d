using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>
/// The lakehouse catalog: series, data files, snapshots, watermarks, job runs and anomalies, in SQL.
/// Every mutating method is one transaction; readers see only committed snapshots.
/// </summary>
public interface ICatalog : IAsyncDisposable
{
    /// <summary>The backend name: <c>sqlite</c> or <c>postgres</c>.</summary>
    string Backend { get; }

    /// <summary>Applies pending versioned migrations (safe to call from several processes at once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The highest applied migration version.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>Returns the id of each key, creating series that are new; ids are stable forever.</summary>
    Task<IReadOnlyList<long>> ResolveSeriesAsync(IReadOnlyList<SeriesKey> keys, CancellationToken cancellationToken);

    /// <summary>Lists series, optionally only those whose canonical key contains <paramref name="contains"/>.</summary>
    Task<IReadOnlyList<SeriesRecord>> ListSeriesAsync(string? contains, CancellationToken cancellationToken);

    /// <summary>The series with these ids (missing ids are skipped).</summary>
    Task<IReadOnlyList<SeriesRecord>> GetSeriesAsync(IReadOnlyCollection<long> seriesIds, CancellationToken cancellationToken);

    /// <summary>The latest committed snapshot id (0 for an empty lakehouse).</summary>
    Task<long> CurrentSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>All snapshots, oldest first.</summary>
    Task<IReadOnlyList<SnapshotRecord>> ListSnapshotsAsync(CancellationToken cancellationToken);

    /// <summary>Files visible at <paramref name="snapshotId"/>, ordered by partition date then path.</summary>
    Task<IReadOnlyList<DataFileRecord>> ListFilesAsync(long snapshotId, CancellationToken cancellationToken);

    /// <summary>Files removed by a snapshot at or before <paramref name="snapshotId"/> (candidates for physical deletion).</summary>
    Task<IReadOnlyList<DataFileRecord>> ListRemovedFilesAsync(long snapshotId, CancellationToken cancellationToken);

    /// <summary>Forgets removed files after their bytes have been deleted.</summary>
    Task PurgeRemovedFilesAsync(IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken);

    /// <summary>Records the intent to write <paramref name="paths"/>, before the files appear under their final names.</summary>
    Task AddPendingFilesAsync(IReadOnlyCollection<string> paths, string runId, CancellationToken cancellationToken);

    /// <summary>Writes pending that have not been committed.</summary>
    Task<IReadOnlyList<PendingFile>> ListPendingFilesAsync(CancellationToken cancellationToken);

    /// <summary>Drops pending entries (after their files were deleted or committed).</summary>
    Task RemovePendingFilesAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken);

    /// <summary>Commits a new snapshot atomically and returns its id; throws <see cref="CatalogConflictException"/> when a removed file is already gone.</summary>
    Task<long> CommitSnapshotAsync(SnapshotCommit commit, CancellationToken cancellationToken);

    /// <summary>Data changes per series committed in snapshots after <paramref name="afterSnapshot"/> up to <paramref name="upToSnapshot"/>, merged per series.</summary>
    Task<IReadOnlyList<SeriesChange>> ListChangesAsync(long afterSnapshot, long upToSnapshot, CancellationToken cancellationToken);

    /// <summary>The committed sources among these SHA-256 hashes.</summary>
    Task<IReadOnlySet<string>> FindIngestedSourcesAsync(IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken);

    /// <summary>Records the start of a job run.</summary>
    Task StartRunAsync(JobRunRecord run, CancellationToken cancellationToken);

    /// <summary>Records the end of a job run.</summary>
    Task FinishRunAsync(string runId, long endedAtMs, string outcome, long? snapshotId, string countsJson, string? error, CancellationToken cancellationToken);

    /// <summary>One run, or null when unknown.</summary>
    Task<JobRunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<JobRunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The consumer's position, or null when it has never run.</summary>
    Task<ConsumerRecord?> GetConsumerAsync(string consumer, CancellationToken cancellationToken);

    /// <summary>Cursors of the consumer for these series (series without a cursor are absent).</summary>
    Task<IReadOnlyDictionary<long, SeriesCursor>> GetCursorsAsync(string consumer, IReadOnlyCollection<long> seriesIds, CancellationToken cancellationToken);

    /// <summary>Watermarks of the consumer's cursors for these series, without their states (series without a cursor are absent).</summary>
    Task<IReadOnlyDictionary<long, CursorMark>> GetCursorMarksAsync(string consumer, IReadOnlyCollection<long> seriesIds, CancellationToken cancellationToken);

    /// <summary>Group cursors of the consumer for these groups (groups without a cursor are absent).</summary>
    Task<IReadOnlyDictionary<string, GroupCursor>> GetGroupCursorsAsync(string consumer, IReadOnlyCollection<string> groupKeys, CancellationToken cancellationToken);

    /// <summary>Commits a detect run atomically; throws <see cref="CatalogConflictException"/> when another run advanced the consumer first.</summary>
    Task CommitDetectionAsync(DetectionCommit commit, CancellationToken cancellationToken);

    /// <summary>Anomaly windows matching the filter, ordered by start time (or by score when a limit is set).</summary>
    Task<IReadOnlyList<AnomalyRecord>> ListAnomaliesAsync(AnomalyFilter filter, CancellationToken cancellationToken);
}
