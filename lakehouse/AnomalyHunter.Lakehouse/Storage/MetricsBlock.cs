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
