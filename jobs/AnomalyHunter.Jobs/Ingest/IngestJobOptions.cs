using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Settings of the ingest job besides how files are parsed.</summary>
public sealed record IngestJobOptions
{
    /// <summary>Default number of buffered rows after which a batch is committed (at a source boundary).</summary>
    public const int DefaultCommitRows = 20_000_000;

    /// <summary>Default time removed files stay on disk for readers of older snapshots.</summary>
    public static readonly TimeSpan DefaultRemovedFileRetention = TimeSpan.FromMinutes(5);

    /// <summary>Which value wins when a (series, timestamp) pair arrives twice.</summary>
    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.KeepFirst;

    /// <summary>Buffered rows after which the sources read so far are committed as one snapshot.</summary>
    public int CommitRows { get; init; } = DefaultCommitRows;

    /// <summary>How long files removed by a commit stay for readers of older snapshots.</summary>
    public TimeSpan RemovedFileRetention { get; init; } = DefaultRemovedFileRetention;

    /// <summary>How many times a commit that lost a race with another writer is redone.</summary>
    public int ConflictRetries { get; init; } = 5;
}
