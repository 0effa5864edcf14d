namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Operations over several <see cref="MetricsBlock"/>s.</summary>
public static class MetricsBlocks
{
    /// <summary>
    /// The blocks in series order when no two share a series (nothing is copied), else the one merged block; either
    /// way each series' rows are in one block, sorted by time, as <see cref="MergeSorted"/> would order them.
    /// </summary>
    public static IReadOnlyList<MetricsBlock> DisjointOrMerged(IReadOnlyList<MetricsBlock> blocks)
    {
        var nonEmpty = Disjoint(blocks);
        return nonEmpty is not null ? nonEmpty : [MergeSorted(blocks)];
    }

    /// <summary>Merges blocks that are each sorted by (series, time) into one sorted block; on equal keys the earlier block's row comes first.</summary>
    public static MetricsBlock MergeSorted(IReadOnlyList<MetricsBlock> blocks)
    {
        int total = 0;
        foreach (var b in blocks)
        {
            total += b.Count;
        }

        if (TryConcatDisjoint(blocks, total) is { } concatenated)
        {
            return concatenated;
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

    /// <summary>The merge when no two blocks share a series (e.g. one file per tenant and region): the blocks in series order, copied whole.</summary>
    private static MetricsBlock[]? Disjoint(IReadOnlyList<MetricsBlock> blocks)
    {
        var nonEmpty = blocks.Where(b => b.Count > 0).OrderBy(b => b.SeriesIds[0]).ToArray();
        for (int b = 1; b < nonEmpty.Length; b++)
        {
            if (nonEmpty[b - 1].SeriesIds[nonEmpty[b - 1].Count - 1] >= nonEmpty[b].SeriesIds[0])
            {
                return null;
            }
        }

        return nonEmpty;
    }

    private static MetricsBlock? TryConcatDisjoint(IReadOnlyList<MetricsBlock> blocks, int total)
    {
        if (Disjoint(blocks) is not { } nonEmpty)
        {
            return null;
        }

        // why: each block is sorted by (series, time) and only this block holds its series, so the sorted merge is the concatenation.
        return MetricsBlock.Concat(nonEmpty, total);
    }
}
