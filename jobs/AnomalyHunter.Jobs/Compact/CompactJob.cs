using System.Globalization;
using System.Text.Json;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Compact;

/// <summary>
/// Merges the small files that incremental ingests leave in a partition into one file per partition, each partition as
/// its own snapshot. The data does not change, so incremental consumers see no new work; the replaced files are deleted
/// only after the commit, once no reader of an older snapshot can need them (the retention).
/// </summary>
public sealed class CompactJob
{
    private readonly Lake _lake;
    private readonly CompactOptions _options;

    /// <summary>Creates the job.</summary>
    public CompactJob(Lake lake, CompactOptions options)
    {
        _lake = lake;
        _options = options;
    }

    /// <summary>Runs the job as a recorded run.</summary>
    public Task<CompactResult> RunAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken) =>
        JobRunner.RunAsync(_lake, "compact", new { minFiles = _options.MinFiles, retention = _options.RemovedFileRetention.ToString() },
            run => ExecuteAsync(run, progress, cancellationToken), cancellationToken);

    private async Task<CompactResult> ExecuteAsync(JobRun run, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var recovery = new LakeRecovery(_lake.Catalog, _lake.Layout, _lake.Time);
        await recovery.RecoverAsync(_options.RemovedFileRetention, cancellationToken);
        long head = await _lake.Catalog.CurrentSnapshotAsync(cancellationToken);
        var groups = (await _lake.Catalog.ListFilesAsync(head, cancellationToken))
            .GroupBy(f => new PartitionRef(f.Tenant, f.Region, f.PartitionDate))
            .Where(g => g.Count() >= _options.MinFiles)
            .OrderBy(g => g.Key.Tenant, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.PartitionDate, StringComparer.Ordinal)
            .ToList();
        int partitions = 0, filesIn = 0, conflicts = 0;
        long rows = 0;
        long? snapshot = null;
        var keyOf = new Dictionary<long, string>();
        for (int i = 0; i < groups.Count; i++)
        {
            var files = groups[i].ToList();
            var blocks = new List<MetricsBlock>(files.Count);
            foreach (var file in files)
            {
                blocks.Add(await _lake.Files.ReadAsync(file, null, cancellationToken));
            }

            var merged = MetricsBlocks.MergeSorted(blocks);
            var missing = merged.SeriesRanges().Select(r => r.SeriesId).Where(id => !keyOf.ContainsKey(id)).ToList();
            foreach (var series in await _lake.Catalog.GetSeriesAsync(missing, cancellationToken))
            {
                keyOf[series.SeriesId] = series.Key.Canonical;
            }

            var date = DateOnly.ParseExact(groups[i].Key.PartitionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var written = await _lake.Files.WriteAsync(run.RunId, groups[i].Key.Tenant, groups[i].Key.Region, date, merged, id => keyOf[id], cancellationToken);
            try
            {
                snapshot = await _lake.Catalog.CommitSnapshotAsync(new SnapshotCommit
                {
                    Operation = "compact",
                    RunId = run.RunId,
                    SummaryJson = JsonSerializer.Serialize(new { partition = LakeLayout.PartitionPath(groups[i].Key.Tenant, groups[i].Key.Region, date), filesIn = files.Count, rows = merged.Count }),
                    AddedFiles = [written],
                    RemovedFileIds = [.. files.Select(f => f.FileId)],
                }, cancellationToken);
                partitions++;
                filesIn += files.Count;
                rows += merged.Count;
            }
            catch (CatalogConflictException ex)
            {
                // why: another writer changed this partition meanwhile; its result stands and the next compaction merges it.
                _lake.Log.Warning("Skipping partition {Partition}: {Reason}", groups[i].Key, ex.Message);
                File.Delete(_lake.Layout.Absolute(written.Path));
                await _lake.Catalog.RemovePendingFilesAsync([written.Path], cancellationToken);
                conflicts++;
            }

            progress?.Report((i + 1, groups.Count));
        }

        var report = await recovery.RecoverAsync(_options.RemovedFileRetention, cancellationToken);
        return new CompactResult
        {
            RunId = run.RunId,
            SnapshotId = snapshot,
            Partitions = partitions,
            FilesIn = filesIn,
            Rows = rows,
            FilesDeleted = report.PurgedRemovedFiles,
            Conflicts = conflicts,
        };
    }
}
