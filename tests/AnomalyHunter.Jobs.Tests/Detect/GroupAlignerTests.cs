using AnomalyHunter.Jobs.Detect;

namespace AnomalyHunter.Jobs.Tests.Detect;

public sealed class GroupAlignerTests
{
    [Fact]
    public void Members_with_different_times_align_on_the_union_with_NaN_where_a_member_has_no_point()
    {
        long[] a = [0, 10, 20, 30];
        long[] b = [5, 10, 30];
        var (rows, matrix) = GroupAligner.Align([(a, [1.0, 2.0, 3.0, 4.0], 0, 4), (b, [9.0, 8.0, 7.0], 0, 3)]);

        Assert.Equal([0L, 5, 10, 20, 30], rows);
        Assert.Equal([1.0, double.NaN, double.NaN, 9.0, 2.0, 8.0, 3.0, double.NaN, 4.0, 7.0], matrix);
    }

    [Fact]
    public void Shared_buffers_hold_each_calls_alignment_as_calls_grow_and_shrink()
    {
        long[] ts = [.. Enumerable.Range(0, 300).Select(i => i * 300_000L)];
        double[] x = [.. Enumerable.Range(0, 300).Select(i => i * 0.5)];
        double[] y = [.. Enumerable.Range(0, 300).Select(i => -i * 0.25)];
        (long[], double[], int, int)[][] calls =
        [
            [(ts, x, 0, 300), (ts, y, 0, 300)],
            [(ts, x, 10, 20), (ts, y, 12, 25)],
            [(ts, x, 0, 150), (ts, y, 100, 300), (ts, x, 5, 6)],
            [(ts, x, 0, 0), (ts, y, 3, 7)],
        ];
        foreach (var columns in calls)
        {
            var (rows, matrix) = GroupAligner.AlignShared(columns);
            long[] expectedRows = [.. columns.SelectMany(c => c.Item1[c.Item3..c.Item4]).Distinct().Order()];
            double[] expected = [.. expectedRows.SelectMany(t => columns.Select(c =>
                Array.IndexOf(c.Item1, t, c.Item3, c.Item4 - c.Item3) is int i and >= 0 ? c.Item2[i] : double.NaN))];
            Assert.Equal(expectedRows, rows.ToArray());
            Assert.Equal(expected, matrix.ToArray());
        }
    }
}
