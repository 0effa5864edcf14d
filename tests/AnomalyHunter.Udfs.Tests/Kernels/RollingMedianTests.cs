using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Kernels;

public sealed class RollingMedianTests
{
    private static double[] RandomSeries(int seed, int n, bool withNaN, bool quantised)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = random.NextDouble() * 100.0;
            values[i] = quantised ? Math.Floor(v / 10.0) : v;
            if (withNaN && random.NextDouble() < 0.05)
            {
                values[i] = double.NaN;
            }
        }

        return values;
    }

    private static double SortedMedian(List<double> items)
    {
        if (items.Count == 0)
        {
            return double.NaN;
        }

        items.Sort();
        int mid = items.Count / 2;
        return items.Count % 2 == 1 ? items[mid] : 0.5 * (items[mid - 1] + items[mid]);
    }

    [Theory]
    [InlineData(1, 1, false, false)]
    [InlineData(2, 7, true, false)]
    [InlineData(3, 50, false, true)]
    [InlineData(4, 288, true, true)]
    public void Rolling_median_and_mad_match_a_sort_of_each_window(int seed, int window, bool withNaN, bool quantised)
    {
        double[] values = RandomSeries(seed, 1500, withNaN, quantised);
        var medians = new double[values.Length];
        var mads = new double[values.Length];
        RollingMedian.Compute(values, window, medians, mads);
        for (int i = 0; i < values.Length; i++)
        {
            var items = values[Math.Max(0, i - window + 1)..(i + 1)].Where(double.IsFinite).ToList();
            double expected = SortedMedian(items);
            Assert.Equal(expected, medians[i]);
            double expectedMad = SortedMedian(items.Select(v => Math.Abs(v - expected)).ToList());
            Assert.Equal(expectedMad, mads[i], 12);
        }
    }

    [Fact]
    public void Rolling_median_of_an_all_NaN_window_is_NaN()
    {
        var medians = new double[3];
        RollingMedian.Compute([double.NaN, double.NaN, double.NaN], 2, medians);
        Assert.All(medians, m => Assert.True(double.IsNaN(m)));
    }
}
