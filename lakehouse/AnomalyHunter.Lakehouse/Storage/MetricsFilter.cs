using Parquet.Data;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Which rows to read: a set of series, each from a per-series lower time bound (inclusive).</summary>
public sealed class MetricsFilter
{
    private readonly IReadOnlyDictionary<long, long> _fromMsBySeries;
    private readonly long _minSeries;
    private readonly long _maxSeries;

    /// <summary>Creates a filter: series id → first timestamp (epoch ms, inclusive) to keep.</summary>
    public MetricsFilter(IReadOnlyDictionary<long, long> fromMsBySeries)
    {
        _fromMsBySeries = fromMsBySeries;
        _minSeries = fromMsBySeries.Count == 0 ? long.MaxValue : fromMsBySeries.Keys.Min();
        _maxSeries = fromMsBySeries.Count == 0 ? long.MinValue : fromMsBySeries.Keys.Max();
    }

    /// <summary>Whether a file whose series ids span [min, max] may hold wanted rows.</summary>
    public bool MayMatchSeries(long minSeriesId, long maxSeriesId) => minSeriesId <= _maxSeries && maxSeriesId >= _minSeries;

    internal bool MayMatchSeriesRange(DataColumnStatistics? statistics)
    {
        if (statistics?.MinValue is long min && statistics.MaxValue is long max)
        {
            return MayMatchSeries(min, max);
        }

        return true;
    }

    internal MetricsBlock Apply(long[] ids, long[] ms, double[] values, int rows)
    {
        int kept = 0;
        long current = long.MinValue;
        long from = long.MaxValue;
        for (int i = 0; i < rows; i++)
        {
            long id = ids[i];
            if (id != current)
            {
                current = id;
                from = _fromMsBySeries.TryGetValue(id, out long f) ? f : long.MaxValue;
            }

            if (ms[i] >= from)
            {
                ids[kept] = id;
                ms[kept] = ms[i];
                values[kept] = values[i];
                kept++;
            }
        }

        return new MetricsBlock(ids, ms, values, kept);
    }
}
