namespace AnomalyHunter.Jobs.Compact;

/// <summary>Settings of the compact job.</summary>
public sealed record CompactOptions
{
    /// <summary>Partitions with at least this many files are compacted (2 or more).</summary>
    public int MinFiles { get; init; } = 2;

    /// <summary>How long replaced files stay for readers of older snapshots before they are deleted.</summary>
    public TimeSpan RemovedFileRetention { get; init; } = TimeSpan.FromMinutes(5);
}
