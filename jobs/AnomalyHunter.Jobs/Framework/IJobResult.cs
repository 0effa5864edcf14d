namespace AnomalyHunter.Jobs.Framework;

/// <summary>What a run reports when it ends.</summary>
public interface IJobResult
{
    /// <summary>The snapshot the run produced or consumed, if any.</summary>
    long? SnapshotId { get; }

    /// <summary>Named counts recorded with the run (rows, files, anomalies, …).</summary>
    IReadOnlyDictionary<string, long> Counts { get; }
}
