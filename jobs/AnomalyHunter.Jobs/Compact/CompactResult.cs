using AnomalyHunter.Jobs.Framework;

namespace AnomalyHunter.Jobs.Compact;

/// <summary>What a compact run did.</summary>
public sealed record CompactResult : IJobResult
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The last snapshot committed, if any.</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Partitions compacted.</summary>
    public int Partitions { get; init; }

    /// <summary>Files merged away.</summary>
    public int FilesIn { get; init; }

    /// <summary>Rows rewritten.</summary>
    public long Rows { get; init; }

    /// <summary>Replaced files whose retention had passed and that were deleted.</summary>
    public int FilesDeleted { get; init; }

    /// <summary>Partitions skipped because another writer changed them meanwhile.</summary>
    public int Conflicts { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Counts => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["partitions"] = Partitions,
        ["files_in"] = FilesIn,
        ["rows"] = Rows,
        ["files_deleted"] = FilesDeleted,
        ["conflicts"] = Conflicts,
    };
}
