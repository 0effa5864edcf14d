using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Lakehouse.Tests.Storage;

public sealed class MetricsBlocksTests
{
    private static MetricsBlock Block(params (long Series, long Ts, double Value)[] rows) =>
        new([.. rows.Select(r => r.Series)], [.. rows.Select(r => r.Ts)], [.. rows.Select(r => r.Value)], rows.Length);

    private static (long, long, double)[] Rows(MetricsBlock b) =>
        [.. Enumerable.Range(0, b.Count).Select(i => (b.SeriesIds[i], b.TimestampsMs[i], b.Values[i]))];

    [Fact]
    public void Blocks_with_disjoint_series_merge_to_the_same_rows_as_overlapping_ones_would_sort()
    {
        var a = Block((5, 1, 0.5), (5, 2, 0.6), (6, 1, 0.7));
        var b = Block((1, 3, 1.0), (2, 1, 2.0));
        var empty = Block();
        var c = Block((9, 1, 9.0));

        var merged = MetricsBlocks.MergeSorted([a, empty, b, c]);
        var parts = MetricsBlocks.DisjointOrMerged([a, empty, b, c]);

        (long, long, double)[] expected = [(1, 3, 1.0), (2, 1, 2.0), (5, 1, 0.5), (5, 2, 0.6), (6, 1, 0.7), (9, 1, 9.0)];
        Assert.Equal(expected, Rows(merged));
        Assert.Equal([b, a, c], parts);
    }

    [Fact]
    public void Blocks_sharing_a_series_are_merged_by_time_with_the_earlier_block_first_on_ties()
    {
        var a = Block((1, 1, 1.0), (1, 3, 3.0), (2, 1, 5.0));
        var b = Block((1, 2, 2.0), (1, 3, 4.0));

        var parts = MetricsBlocks.DisjointOrMerged([a, b]);

        var only = Assert.Single(parts);
        (long, long, double)[] expected = [(1, 1, 1.0), (1, 2, 2.0), (1, 3, 3.0), (1, 3, 4.0), (2, 1, 5.0)];
        Assert.Equal(expected, Rows(only));
    }
}
