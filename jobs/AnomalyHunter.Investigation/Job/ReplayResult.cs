using AnomalyHunter.Investigation.Verdicts;

namespace AnomalyHunter.Investigation.Job;

/// <summary>The outcome of replaying a verdict.</summary>
/// <param name="Original">The stored verdict.</param>
/// <param name="Replayed">The verdict computed again.</param>
/// <param name="SnapshotUsed">The snapshot read (the recorded one, or the current one when its files were compacted away and the inputs hash still matches).</param>
/// <param name="InputsMatch">Whether the inputs hash equals the recorded one.</param>
/// <param name="Differences">What differs (empty when reproduced).</param>
public sealed record ReplayResult(Verdict Original, Verdict Replayed, long SnapshotUsed, bool InputsMatch, IReadOnlyList<string> Differences)
{
    /// <summary>Whether the replay reproduced the verdict.</summary>
    public bool Reproduced => InputsMatch && Differences.Count == 0;
}
