using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Kernels;

public sealed class OrderStatisticsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(64, 4)]
    [InlineData(4096, 5)]
    [InlineData(4097, 6)]
    public void Median_by_selection_equals_the_median_of_the_sorted_values_bit_for_bit(int n, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 50; trial++)
        {
            // why: few distinct values make ties; sorted and reversed runs are the classic worst cases of selection.
            int shape = trial % 5;
            double[] values = shape switch
            {
                0 => Enumerable.Range(0, n).Select(_ => (double)rng.Next(4)).ToArray(),
                1 => Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
                2 => Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
                _ => Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 100) - 50).ToArray(),
            };
            double[] sorted = [.. values];
            Array.Sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);

            double actual = OrderStatistics.Median(values);

            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
            Array.Sort(values);
            Assert.Equal(sorted, values);
        }
    }

    [Fact]
    public void Select_puts_the_kth_smallest_at_k_with_smaller_before_and_larger_after()
    {
        var rng = new Random(9);
        double[] values = [.. Enumerable.Range(0, 1000).Select(_ => (double)rng.Next(50))];
        double[] sorted = [.. values];
        Array.Sort(sorted);

        double v = OrderStatistics.Select(values, 333);

        Assert.Equal(sorted[333], v);
        Assert.All(values[..333], x => Assert.True(x <= v));
        Assert.All(values[334..], x => Assert.True(x >= v));
    }
}
