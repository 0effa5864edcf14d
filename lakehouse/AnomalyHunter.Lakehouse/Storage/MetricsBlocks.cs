namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Operations over several <see cref="MetricsBlock"/>s.</summary>
public static class MetricsBlocks
{
    /// <summary>Merges blocks that are each sorted by (series, time) into one sorted block; on equal keys the earlier block's row comes first.</summary>
    public static MetricsBlock MergeSorted(IReadOnlyList<MetricsBlock> blocks)
    {
        int total = 0;
        foreach (var b in blocks)
        {
            total += b.Count;
        }

        var order = new (long Series, long Ts, int Block, int Row)[total];
        int at = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            for (int i = 0; i < block.Count; i++)
            {
                order[at++] = (block.SeriesIds[i], block.TimestampsMs[i], b, i);
            }
        }

        Array.Sort(order);
        var ids = new long[total];
        var ts = new long[total];
        var values = new double[total];
        for (int k = 0; k < total; k++)
        {
            var (series, time, b, row) = order[k];
            ids[k] = series;
            ts[k] = time;
            values[k] = blocks[b].Values[row];
        }

        return new MetricsBlock(ids, ts, values, total);
    }
}
