using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>Whole groups of series read from the lake into memory, each split into the per-day slices the detect job scores.</summary>
internal sealed class InMemorySeries
{
    private InMemorySeries(List<(long[] Ts, double[] Values)> series, List<int[]> groups)
    {
        Series = series;
        Groups = groups;
        Points = series.Sum(s => (long)s.Ts.Length);
    }

    /// <summary>Each series' timestamps and values in time order.</summary>
    public List<(long[] Ts, double[] Values)> Series { get; }

    /// <summary>Indexes into <see cref="Series"/> of each group's members.</summary>
    public List<int[]> Groups { get; }

    public long Points { get; }

    /// <summary>Reads the first whole groups (by <paramref name="label"/>) until at least <paramref name="minSeries"/> series are in.</summary>
    public static async Task<InMemorySeries> LoadAsync(ICatalog catalog, LakeFileStore files, string label, int minSeries, CancellationToken cancellationToken)
    {
        var all = await catalog.ListSeriesAsync(null, cancellationToken);
        var chosen = new List<long[]>();
        int taken = 0;
        foreach (var g in all.GroupBy(s => DetectPlan.GroupKeyOf(s, label) ?? "", StringComparer.Ordinal).OrderBy(g => g.Min(s => s.SeriesId)))
        {
            if (taken >= minSeries)
            {
                break;
            }

            long[] ids = [.. g.Select(s => s.SeriesId).Order()];
            chosen.Add(ids);
            taken += ids.Length;
        }

        var from = chosen.SelectMany(ids => ids).ToDictionary(id => id, _ => long.MinValue);
        var filter = new MetricsFilter(from);
        var ts = from.Keys.ToDictionary(id => id, _ => new List<long>());
        var values = from.Keys.ToDictionary(id => id, _ => new List<double>());
        long head = await catalog.CurrentSnapshotAsync(cancellationToken);
        foreach (var file in (await catalog.ListFilesAsync(head, cancellationToken)).OrderBy(f => f.PartitionDate, StringComparer.Ordinal))
        {
            if (!filter.MayMatchSeries(file.MinSeriesId, file.MaxSeriesId))
            {
                continue;
            }

            var block = await files.ReadAsync(file, filter, cancellationToken);
            foreach (var (id, start, end) in block.SeriesRanges())
            {
                ts[id].AddRange(block.TimestampsMs.AsSpan(start, end - start));
                values[id].AddRange(block.Values.AsSpan(start, end - start));
            }
        }

        var order = new Dictionary<long, int>();
        var series = new List<(long[] Ts, double[] Values)>();
        foreach (long id in chosen.SelectMany(ids => ids))
        {
            order[id] = series.Count;
            series.Add(([.. ts[id]], [.. values[id]]));
        }

        return new InMemorySeries(series, [.. chosen.Select(ids => ids.Select(id => order[id]).ToArray())]);
    }

    /// <summary>The [start, end) slices of a series that fall on one UTC day each (how the job feeds a scorer).</summary>
    public static IEnumerable<(int Start, int End)> DaySlices(long[] ts)
    {
        const long Day = 86_400_000L;
        int start = 0;
        while (start < ts.Length)
        {
            long day = ts[start] / Day;
            int end = start + 1;
            while (end < ts.Length && ts[end] / Day == day)
            {
                end++;
            }

            yield return (start, end);
            start = end;
        }
    }
}
