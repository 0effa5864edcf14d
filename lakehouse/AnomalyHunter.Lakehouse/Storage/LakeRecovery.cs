using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Cleans up after crashed writers: uncommitted files of dead runs, stray temporary files, and expired removed files.</summary>
public sealed class LakeRecovery
{
    private readonly ICatalog _catalog;
    private readonly LakeLayout _layout;
    private readonly TimeProvider _time;

    /// <summary>Creates the recovery for a lake and its catalog.</summary>
    public LakeRecovery(ICatalog catalog, LakeLayout layout, TimeProvider time)
    {
        _catalog = catalog;
        _layout = layout;
        _time = time;
    }

    /// <summary>Runs every recovery step; <paramref name="removedFileRetention"/> is how long removed files stay for readers of older snapshots.</summary>
    public async Task<RecoveryReport> RecoverAsync(TimeSpan removedFileRetention, CancellationToken cancellationToken)
    {
        int crashedRuns = await MarkCrashedRunsAsync(cancellationToken);
        int pending = await DeleteAbandonedPendingFilesAsync(cancellationToken);
        int temporary = await DeleteStrayTemporaryFilesAsync(cancellationToken);
        int purged = await PurgeRemovedFilesAsync(removedFileRetention, cancellationToken);
        return new RecoveryReport(crashedRuns, pending, temporary, purged);
    }

    /// <summary>Marks runs of this host whose process is gone as crashed.</summary>
    public async Task<int> MarkCrashedRunsAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        foreach (var run in await _catalog.ListRunsAsync(10_000, cancellationToken))
        {
            if (run.Outcome == RunLiveness.Running && !RunLiveness.IsAlive(run, _time))
            {
                await _catalog.FinishRunAsync(run.RunId, _time.GetUtcNow().ToUnixTimeMilliseconds(), "crashed", null, run.CountsJson,
                    "The process ended without recording an outcome.", cancellationToken);
                count++;
            }
        }

        return count;
    }

    private async Task<int> DeleteAbandonedPendingFilesAsync(CancellationToken cancellationToken)
    {
        var done = new List<string>();
        foreach (var pending in await _catalog.ListPendingFilesAsync(cancellationToken))
        {
            if (RunLiveness.IsAlive(await _catalog.GetRunAsync(pending.RunId, cancellationToken), _time))
            {
                continue;
            }

            string absolute = _layout.Absolute(pending.Path);
            LakeLayout.DeleteIfPresent(absolute);
            LakeLayout.DeleteIfPresent(absolute + LakeLayout.TemporarySuffix);
            done.Add(pending.Path);
        }

        if (done.Count > 0)
        {
            await _catalog.RemovePendingFilesAsync(done, cancellationToken);
        }

        return done.Count;
    }

    private async Task<int> DeleteStrayTemporaryFilesAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_layout.Root))
        {
            return 0;
        }

        int count = 0;
        foreach (string path in Directory.EnumerateFiles(_layout.Root, "*" + LakeLayout.TemporarySuffix, SearchOption.AllDirectories))
        {
            string? runId = LakeLayout.RunIdOfDataFile(Path.GetFileName(path));
            if (runId is not null && RunLiveness.IsAlive(await _catalog.GetRunAsync(runId, cancellationToken), _time))
            {
                continue;
            }

            LakeLayout.DeleteIfPresent(path);
            count++;
        }

        return count;
    }

    private async Task<int> PurgeRemovedFilesAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        long head = await _catalog.CurrentSnapshotAsync(cancellationToken);
        var removed = await _catalog.ListRemovedFilesAsync(head, cancellationToken);
        if (removed.Count == 0)
        {
            return 0;
        }

        var removedAt = (await _catalog.ListSnapshotsAsync(cancellationToken)).ToDictionary(s => s.SnapshotId, s => s.CreatedAtMs);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var purge = removed
            .Where(f => now - removedAt[f.RemovedSnapshot!.Value] >= (long)retention.TotalMilliseconds)
            .ToList();
        foreach (var file in purge)
        {
            LakeLayout.DeleteIfPresent(_layout.Absolute(file.Path));
        }

        if (purge.Count > 0)
        {
            await _catalog.PurgeRemovedFilesAsync([.. purge.Select(f => f.FileId)], cancellationToken);
        }

        return purge.Count;
    }
}
