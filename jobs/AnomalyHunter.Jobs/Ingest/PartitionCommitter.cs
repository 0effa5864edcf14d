using System.Globalization;
using System.Text.Json;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Turns a batch into data files and one snapshot: sort, deduplicate against the batch and the store, write, commit.</summary>
internal sealed class PartitionCommitter
{
    private readonly Lake _lake;
    private readonly string _runId;
    private readonly IngestJobOptions _options;

    public PartitionCommitter(Lake lake, string runId, IngestJobOptions options)
    {
        _lake = lake;
        _runId = runId;
        _options = options;
    }

    public sealed record Outcome(long SnapshotId, long RowsStored, int FilesWritten, IReadOnlyList<QuarantinedRow> Quarantined);

    public async Task<Outcome> CommitAsync(
        IngestBatch batch,
        IReadOnlyDictionary<string, long> seriesIds,
        IQuarantineSink quarantine,
        CancellationToken cancellationToken)
    {
        var keyOf = seriesIds.ToDictionary(p => p.Value, p => p.Key);
        for (int attempt = 0; ; attempt++)
        {
            long basedOn = await _lake.Catalog.CurrentSnapshotAsync(cancellationToken);
            var live = await _lake.Catalog.ListFilesAsync(basedOn, cancellationToken);
            var byPartition = live.ToLookup(f => new PartitionRef(f.Tenant, f.Region, f.PartitionDate));
            var added = new List<NewDataFile>();
            var removed = new List<long>();
            var changes = new List<SeriesChange>();
            var rejected = new List<QuarantinedRow>(batch.Rejected);
            long stored = 0;
            var toWrite = new List<PartitionData>();
            foreach (var buffer in batch.Partitions)
            {
                var plan = await PlanAsync(buffer, batch, byPartition[buffer.Partition].ToList(), keyOf, rejected, cancellationToken);
                removed.AddRange(plan.RemovedFileIds);
                changes.AddRange(plan.Changes);
                if (plan.Block.Count > 0)
                {
                    await EnsureKeysAsync(plan.Block, keyOf, cancellationToken);
                    toWrite.Add(new PartitionData(buffer.Partition.Tenant, buffer.Partition.Region,
                        DateOnly.ParseExact(buffer.Partition.PartitionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), plan.Block));
                }

                stored += plan.NewRows;
            }

            added.AddRange(await _lake.Files.WriteAllAsync(_runId, toWrite, id => keyOf[id], Environment.ProcessorCount, cancellationToken));

            var commit = new SnapshotCommit
            {
                Operation = "ingest",
                RunId = _runId,
                SummaryJson = JsonSerializer.Serialize(new { sources = batch.Sources.Count, rows = stored, files = added.Count }),
                AddedFiles = added,
                RemovedFileIds = removed,
                Changes = MergeChanges(changes),
                Sources = [.. batch.Sources.Select(s => new IngestedSource(s.Source.Sha256, s.Source.Path, s.Accepted, s.Rejected))],
                BasedOnSnapshot = basedOn,
                GuardedPartitions = [.. batch.Partitions.Select(b => b.Partition)],
            };
            string? published = await quarantine.PublishAsync(rejected, cancellationToken);
            try
            {
                long snapshot = await _lake.Catalog.CommitSnapshotAsync(commit, cancellationToken);
                _lake.Log.Information("Committed snapshot {SnapshotId}: {Rows} rows in {Files} files from {Sources} sources",
                    snapshot, stored, added.Count, batch.Sources.Count);
                if (removed.Count > 0)
                {
                    await new LakeRecovery(_lake.Catalog, _lake.Layout, _lake.Time).RecoverAsync(_options.RemovedFileRetention, cancellationToken);
                }

                return new Outcome(snapshot, stored, added.Count, rejected);
            }
            catch (CatalogConflictException ex) when (attempt < _options.ConflictRetries)
            {
                if (published is not null)
                {
                    await quarantine.RetractAsync(published, cancellationToken);
                }

                _lake.Log.Warning("Commit conflict ({Reason}); redoing the batch against the new snapshot", ex.Message);
                foreach (var file in added)
                {
                    File.Delete(_lake.Layout.Absolute(file.Path));
                }

                await _lake.Catalog.RemovePendingFilesAsync([.. added.Select(f => f.Path)], cancellationToken);
            }
            catch when (published is not null)
            {
                await quarantine.RetractAsync(published, CancellationToken.None);
                throw;
            }
        }
    }

    private sealed record Plan(MetricsBlock Block, long NewRows, IReadOnlyList<long> RemovedFileIds, IReadOnlyList<SeriesChange> Changes);

    private async Task<Plan> PlanAsync(
        PartitionBuffer buffer,
        IngestBatch batch,
        List<DataFileRecord> existingFiles,
        Dictionary<long, string> keyOf,
        List<QuarantinedRow> rejected,
        CancellationToken cancellationToken)
    {
        int[] order = buffer.SortedOrder();
        var kept = new List<int>(order.Length);
        for (int k = 0; k < order.Length;)
        {
            int end = k + 1;
            while (end < order.Length && buffer.SeriesIdAt(order[end]) == buffer.SeriesIdAt(order[k]) && buffer.TimestampAt(order[end]) == buffer.TimestampAt(order[k]))
            {
                end++;
            }

            int winner = _options.Duplicates == DuplicatePolicy.KeepFirst ? order[k] : order[end - 1];
            kept.Add(winner);
            for (int d = k; d < end; d++)
            {
                if (order[d] != winner)
                {
                    rejected.Add(Duplicate(buffer, batch, order[d], winner, keyOf, "the same batch"));
                }
            }

            k = end;
        }

        var fromBySeries = new Dictionary<long, long>();
        foreach (int i in kept)
        {
            long id = buffer.SeriesIdAt(i);
            fromBySeries[id] = Math.Min(fromBySeries.GetValueOrDefault(id, long.MaxValue), buffer.TimestampAt(i));
        }

        var filter = new MetricsFilter(fromBySeries);
        var removedIds = new List<long>();
        var carried = new List<MetricsBlock>();
        foreach (var file in existingFiles.Where(f => filter.MayMatchSeries(f.MinSeriesId, f.MaxSeriesId)))
        {
            var stored = await _lake.Files.ReadAsync(file, filter, cancellationToken);
            var storedKeys = new HashSet<(long, long)>(stored.Count);
            for (int i = 0; i < stored.Count; i++)
            {
                storedKeys.Add((stored.SeriesIds[i], stored.TimestampsMs[i]));
            }

            if (_options.Duplicates == DuplicatePolicy.KeepFirst)
            {
                kept.RemoveAll(i =>
                {
                    bool clash = storedKeys.Contains((buffer.SeriesIdAt(i), buffer.TimestampAt(i)));
                    if (clash)
                    {
                        rejected.Add(Duplicate(buffer, batch, i, -1, keyOf, file.Path));
                    }

                    return clash;
                });
                continue;
            }

            var incoming = new HashSet<(long, long)>(kept.Select(i => (buffer.SeriesIdAt(i), buffer.TimestampAt(i))));
            if (!storedKeys.Overlaps(incoming))
            {
                continue;
            }

            // why: keep-last replaces stored values, so the whole file is rewritten without the replaced rows.
            var whole = await _lake.Files.ReadAsync(file, null, cancellationToken);
            var keepIdx = new List<int>(whole.Count);
            for (int i = 0; i < whole.Count; i++)
            {
                if (incoming.Contains((whole.SeriesIds[i], whole.TimestampsMs[i])))
                {
                    await EnsureKeysAsync(whole, keyOf, cancellationToken);
                    rejected.Add(new QuarantinedRow(file.Path, 0, QuarantineReason.Duplicate,
                        $"stored value replaced by a later arrival (keep-last) for {keyOf[whole.SeriesIds[i]]}",
                        Render(whole.TimestampsMs[i], keyOf[whole.SeriesIds[i]], whole.Values[i])));
                }
                else
                {
                    keepIdx.Add(i);
                }
            }

            carried.Add(Select(whole, keepIdx));
            removedIds.Add(file.FileId);
        }

        var changes = new List<SeriesChange>();
        for (int k = 0; k < kept.Count;)
        {
            // why: kept rows are sorted by series then time, so each series is one run with its first and last time at the ends.
            long id = buffer.SeriesIdAt(kept[k]);
            int end = k + 1;
            while (end < kept.Count && buffer.SeriesIdAt(kept[end]) == id)
            {
                end++;
            }

            changes.Add(new SeriesChange(id, buffer.TimestampAt(kept[k]), buffer.TimestampAt(kept[end - 1]), end - k));
            k = end;
        }

        var block = carried.Count == 0 ? buffer.ToBlock(kept) : MetricsBlocks.MergeSorted([buffer.ToBlock(kept), .. carried]);
        return new Plan(block, kept.Count, removedIds, changes);
    }

    private async Task EnsureKeysAsync(MetricsBlock block, Dictionary<long, string> keyOf, CancellationToken cancellationToken)
    {
        var missing = block.SeriesRanges().Select(r => r.SeriesId).Where(id => !keyOf.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var series in await _lake.Catalog.GetSeriesAsync(missing, cancellationToken))
        {
            keyOf[series.SeriesId] = series.Key.Canonical;
        }
    }

    private static QuarantinedRow Duplicate(PartitionBuffer buffer, IngestBatch batch, int row, int winner, Dictionary<long, string> keyOf, string where)
    {
        string key = keyOf[buffer.SeriesIdAt(row)];
        string kept = winner < 0
            ? $"a value for this series and time is already stored in {where}; kept the stored value (keep-first)"
            : $"duplicate of {batch.Sources[buffer.SourceAt(winner)].Source.Path} line {buffer.LineAt(winner).ToString(CultureInfo.InvariantCulture)} in {where}; kept that row's value";
        return new QuarantinedRow(batch.Sources[buffer.SourceAt(row)].Source.Path, buffer.LineAt(row), QuarantineReason.Duplicate,
            $"{key}: {kept}", Render(buffer.TimestampAt(row), key, buffer.ValueAt(row)));
    }

    private static string Render(long ts, string key, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.FromUnixTimeMilliseconds(ts):yyyy-MM-ddTHH:mm:ss.fffZ},{key},{value:R}");

    private static MetricsBlock Select(MetricsBlock block, List<int> rows)
    {
        var ids = new long[rows.Count];
        var ts = new long[rows.Count];
        var values = new double[rows.Count];
        for (int k = 0; k < rows.Count; k++)
        {
            ids[k] = block.SeriesIds[rows[k]];
            ts[k] = block.TimestampsMs[rows[k]];
            values[k] = block.Values[rows[k]];
        }

        return new MetricsBlock(ids, ts, values, rows.Count);
    }

    private static List<SeriesChange> MergeChanges(List<SeriesChange> changes) =>
        [.. changes.GroupBy(c => c.SeriesId)
            .Select(g => new SeriesChange(g.Key, g.Min(c => c.MinTsMs), g.Max(c => c.MaxTsMs), g.Sum(c => c.RowCount)))
            .OrderBy(c => c.SeriesId)];
}
