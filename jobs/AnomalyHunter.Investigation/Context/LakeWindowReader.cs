using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Investigation.Context;

/// <summary>Reads the points of some series within a time range from the files visible at a snapshot.</summary>
public static class LakeWindowReader
{
    /// <summary>Series id → points in [fromMs, toMs] (inclusive), as stored at <paramref name="snapshotId"/>; duplicates keep the last file's value.</summary>
    public static async Task<IReadOnlyDictionary<long, SeriesPoints>> ReadAsync(
        Lake lake,
        long snapshotId,
        IReadOnlyCollection<long> seriesIds,
        long fromMs,
        long toMs,
        CancellationToken cancellationToken)
    {
        var wanted = seriesIds.Distinct().ToDictionary(id => id, _ => fromMs);
        var result = new Dictionary<long, SeriesPoints>();
        if (wanted.Count == 0)
        {
            return result;
        }

        var filter = new MetricsFilter(wanted);
        var files = (await lake.Catalog.ListFilesAsync(snapshotId, cancellationToken))
            .Where(f => f.MaxTsMs >= fromMs && f.MinTsMs <= toMs && filter.MayMatchSeries(f.MinSeriesId, f.MaxSeriesId))
            .ToList();
        var blocks = new List<MetricsBlock>(files.Count);
        foreach (var file in files)
        {
            blocks.Add(await lake.Files.ReadAsync(file, filter, cancellationToken));
        }

        var merged = blocks.Count == 1 ? blocks[0] : MetricsBlocks.MergeSorted(blocks);
        foreach (var (id, start, end) in merged.SeriesRanges())
        {
            var ts = new List<long>(end - start);
            var values = new List<double>(end - start);
            for (int i = start; i < end; i++)
            {
                long t = merged.TimestampsMs[i];
                if (t > toMs)
                {
                    break;
                }

                if (ts.Count > 0 && ts[^1] == t)
                {
                    values[^1] = merged.Values[i];
                    continue;
                }

                ts.Add(t);
                values.Add(merged.Values[i]);
            }

            result[id] = new SeriesPoints([.. ts], [.. values]);
        }

        foreach (long id in wanted.Keys.Where(id => !result.ContainsKey(id)))
        {
            result[id] = SeriesPoints.Empty;
        }

        return result;
    }
}
