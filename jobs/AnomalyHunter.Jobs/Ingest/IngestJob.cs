using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>
/// Ingests sources into the lakehouse: rows are bucketed by tenant, region and UTC date, sorted by series then time,
/// deduplicated by the configured policy against the batch and the store, written as Parquet and committed with the
/// sources that produced them in one snapshot. Sources already committed (same SHA-256) are skipped, so a rerun after a
/// crash stores exactly what an uninterrupted run stores.
/// </summary>
public sealed class IngestJob
{
    private readonly Lake _lake;
    private readonly IngestJobOptions _options;

    /// <summary>Creates the job.</summary>
    public IngestJob(Lake lake, IngestJobOptions options)
    {
        _lake = lake;
        _options = options;
    }

    /// <summary>Runs the job as a recorded run (with <paramref name="runId"/> when the caller needs to know it up front).</summary>
    public Task<IngestResult> RunAsync(
        IReadOnlyList<IngestSource> sources,
        IQuarantineSink quarantine,
        IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken,
        string? runId = null) =>
        JobRunner.RunAsync(
            _lake,
            "ingest",
            new { sources = sources.Select(s => s.Path).ToArray(), duplicates = _options.Duplicates.ToString() },
            run => ExecuteAsync(run, sources, quarantine, progress, cancellationToken),
            cancellationToken,
            runId);

    private async Task<IngestResult> ExecuteAsync(
        JobRun run,
        IReadOnlyList<IngestSource> sources,
        IQuarantineSink quarantine,
        IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        await new LakeRecovery(_lake.Catalog, _lake.Layout, _lake.Time).RecoverAsync(_options.RemovedFileRetention, cancellationToken);
        var already = await _lake.Catalog.FindIngestedSourcesAsync([.. sources.Select(s => s.Sha256)], cancellationToken);
        var committer = new PartitionCommitter(_lake, run.RunId, _options);
        var batch = new IngestBatch();
        var seriesIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var quarantined = new Dictionary<QuarantineReason, long>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long rowsRead = 0, rowsStored = 0;
        int skipped = 0, files = 0;
        long? snapshot = null;

        for (int s = 0; s < sources.Count; s++)
        {
            var source = sources[s];
            if (already.Contains(source.Sha256) || !seen.Add(source.Sha256))
            {
                skipped++;
                _lake.Log.Information("Skipping {Source}: the same content was ingested before", source.Path);
                continue;
            }

            var (accepted, rejected) = await ReadSourceAsync(source, batch, seriesIds, cancellationToken);
            rowsRead += accepted + rejected;
            batch.Sources.Add((source, accepted, rejected));
            progress?.Report(new IngestProgress(s + 1, sources.Count, source.Path, rowsRead));
            if (batch.Rows >= _options.CommitRows)
            {
                Record(await committer.CommitAsync(batch, seriesIds, quarantine, cancellationToken));
            }
        }

        if (batch.Sources.Count > 0)
        {
            Record(await committer.CommitAsync(batch, seriesIds, quarantine, cancellationToken));
        }

        return new IngestResult
        {
            RunId = run.RunId,
            SnapshotId = snapshot,
            Sources = sources.Count,
            SkippedSources = skipped,
            RowsRead = rowsRead,
            RowsStored = rowsStored,
            Quarantined = quarantined,
            FilesWritten = files,
            Series = seriesIds.Count,
        };

        void Record(PartitionCommitter.Outcome outcome)
        {
            snapshot = outcome.SnapshotId;
            rowsStored += outcome.RowsStored;
            files += outcome.FilesWritten;
            Count(quarantined, outcome.Quarantined);
            batch.Clear();
        }
    }

    private async Task<(long Accepted, long Rejected)> ReadSourceAsync(
        IngestSource source,
        IngestBatch batch,
        Dictionary<string, long> seriesIds,
        CancellationToken cancellationToken)
    {
        int sourceIndex = batch.Sources.Count;
        long accepted = 0, rejected = 0;
        var localIds = new List<long>();
        var localPlaces = new List<int>();
        await foreach (var chunk in source.Read(cancellationToken).WithCancellation(cancellationToken))
        {
            if (chunk.Rejected.Count > 0)
            {
                rejected += chunk.Rejected.Count;
                batch.Rejected.AddRange(chunk.Rejected);
            }

            if (chunk.Keys.Count > localIds.Count)
            {
                await ResolveAsync(chunk.Keys, localIds, localPlaces, batch, seriesIds, cancellationToken);
            }

            for (int i = 0; i < chunk.Count; i++)
            {
                int k = chunk.KeyIndex[i];
                batch.Add(localPlaces[k], localIds[k], chunk.TimestampsMs[i], chunk.Values[i], sourceIndex, chunk.LineNumbers[i]);
            }

            accepted += chunk.Count;
        }

        return (accepted, rejected);
    }

    private async Task ResolveAsync(
        IReadOnlyList<SeriesKey> keys,
        List<long> localIds,
        List<int> localPlaces,
        IngestBatch batch,
        Dictionary<string, long> seriesIds,
        CancellationToken cancellationToken)
    {
        var fresh = keys.Skip(localIds.Count).ToList();
        var unknown = fresh.Where(k => !seriesIds.ContainsKey(k.Canonical)).ToList();
        if (unknown.Count > 0)
        {
            var ids = await _lake.Catalog.ResolveSeriesAsync(unknown, cancellationToken);
            for (int i = 0; i < unknown.Count; i++)
            {
                seriesIds[unknown[i].Canonical] = ids[i];
            }
        }

        foreach (var key in fresh)
        {
            localIds.Add(seriesIds[key.Canonical]);
            localPlaces.Add(batch.PlaceOf(key));
        }
    }

    private static void Count(Dictionary<QuarantineReason, long> counts, IReadOnlyList<QuarantinedRow> rows)
    {
        foreach (var row in rows)
        {
            counts[row.Reason] = counts.GetValueOrDefault(row.Reason) + 1;
        }
    }
}
