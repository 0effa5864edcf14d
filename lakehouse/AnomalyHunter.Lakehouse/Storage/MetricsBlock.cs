namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Columnar metric points, sorted by series then time: row i is series <c>SeriesIds[i]</c> at <c>TimestampsMs[i]</c>.</summary>
public sealed class MetricsBlock
{
    /// <summary>Creates a block over arrays whose first <paramref name="count"/> entries are used.</summary>
    public MetricsBlock(long[] seriesIds, long[] timestampsMs, double[] values, int count)
    {
        if (seriesIds.Length < count || timestampsMs.Length < count || values.Length < count)
        {
            throw new ArgumentException("Arrays are shorter than the row count.", nameof(count));
        }

        SeriesIds = seriesIds;
        TimestampsMs = timestampsMs;
        Values = values;
        Count = count;
    }

    /// <summary>An empty block.</summary>
    public static MetricsBlock Empty { get; } = new([], [], [], 0);

    /// <summary>The rows of <paramref name="parts"/> one after another (<paramref name="total"/> rows in all); sorted only when the caller's parts are.</summary>
    public static MetricsBlock Concat(IEnumerable<MetricsBlock> parts, int total)
        => Concat(parts, new MetricsBlock(new long[total], new long[total], new double[total], 0), total);

    /// <summary>Like the overload without <paramref name="into"/>, writing into the arrays of <paramref name="into"/> (at least <paramref name="total"/> long).</summary>
    public static MetricsBlock Concat(IEnumerable<MetricsBlock> parts, MetricsBlock into, int total)
    {
        long[] ids = into.SeriesIds;
        long[] ts = into.TimestampsMs;
        double[] values = into.Values;
        int at = 0;
        foreach (var part in parts)
        {
            Array.Copy(part.SeriesIds, 0, ids, at, part.Count);
            Array.Copy(part.TimestampsMs, 0, ts, at, part.Count);
            Array.Copy(part.Values, 0, values, at, part.Count);
            at += part.Count;
        }

        return new MetricsBlock(ids, ts, values, total);
    }

    /// <summary>Series id per row.</summary>
    public long[] SeriesIds { get; }

    /// <summary>UTC epoch milliseconds per row.</summary>
    public long[] TimestampsMs { get; }

    /// <summary>Value per row.</summary>
    public double[] Values { get; }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>Rows [start, end) of each series, in order (the block must be sorted by series).</summary>
    public IEnumerable<(long SeriesId, int Start, int End)> SeriesRanges()
    {
        int start = 0;
        while (start < Count)
        {
            long id = SeriesIds[start];
            int end = start + 1;
            while (end < Count && SeriesIds[end] == id)
            {
                end++;
            }

            yield return (id, start, end);
            start = end;
        }
    }
}
