using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>What an ingest run did.</summary>
public sealed record IngestResult : IJobResult
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The last snapshot committed (null when nothing was committed).</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Sources given.</summary>
    public int Sources { get; init; }

    /// <summary>Sources skipped because the same content was ingested before.</summary>
    public int SkippedSources { get; init; }

    /// <summary>Rows read (accepted by the parser plus rejected).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows stored.</summary>
    public long RowsStored { get; init; }

    /// <summary>Rows quarantined, by reason.</summary>
    public IReadOnlyDictionary<QuarantineReason, long> Quarantined { get; init; } = new Dictionary<QuarantineReason, long>();

    /// <summary>Data files written.</summary>
    public int FilesWritten { get; init; }

    /// <summary>Series seen.</summary>
    public int Series { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Counts => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["sources"] = Sources,
        ["skipped_sources"] = SkippedSources,
        ["rows_read"] = RowsRead,
        ["rows_stored"] = RowsStored,
        ["rows_quarantined"] = Quarantined.Values.Sum(),
        ["files_written"] = FilesWritten,
        ["series"] = Series,
    };
}
