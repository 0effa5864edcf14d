using AnomalyHunter.Udfs.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Kernels;

public sealed class RollingMedianReferenceTests
{
    private static (double[] Medians, double[] Mads) Reference(double[] values, int window)
    {
        var medians = new double[values.Length];
        var mads = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double[] items = values[Math.Max(0, i - window + 1)..(i + 1)].Where(double.IsFinite).Order().ToArray();
            medians[i] = MedianOfSorted(items);
            double m = medians[i];
            mads[i] = MedianOfSorted(items.Select(v => Math.Abs(v - m)).Order().ToArray());
        }

        return (medians, mads);
    }

    private static double MedianOfSorted(double[] s)
        => s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[(s.Length / 2) - 1] + s[s.Length / 2]);

    private static double[] Series(int seed, int n, double nanRate, double infRate, int levels)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            values[i] = levels > 0 ? Math.Floor(u * levels) : (u * 200.0) - 100.0;
            double r = random.NextDouble();
            if (r < nanRate)
            {
                values[i] = double.NaN;
            }
            else if (r < nanRate + infRate)
            {
                values[i] = random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }
        }

        return values;
    }

    [Theory]
    [InlineData(11, 64, 0.0, 0.0, 0, 1500)]
    [InlineData(12, 64, 0.1, 0.02, 3, 1500)]
    [InlineData(13, 255, 0.0, 0.0, 5, 1500)]
    [InlineData(14, 256, 0.03, 0.0, 0, 1500)]
    [InlineData(15, 1024, 0.0, 0.01, 0, 1400)]
    [InlineData(16, 1024, 0.2, 0.0, 17, 1400)]
    [InlineData(17, 5000, 0.05, 0.0, 0, 800)]
    public void Median_and_MAD_equal_a_sort_of_every_window(int seed, int window, double nanRate, double infRate, int levels, int points)
    {
        double[] values = Series(seed, points, nanRate, infRate, levels);
        var medians = new double[values.Length];
        var mads = new double[values.Length];
        RollingMedian.Compute(values, window, medians, mads);
        (double[] expectedMedians, double[] expectedMads) = Reference(values, window);
        Assert.Equal(expectedMedians, medians);
        Assert.Equal(expectedMads, mads);
    }

    [Theory]
    [InlineData(21, 96)]
    [InlineData(22, 288)]
    [InlineData(23, 1000)]
    public void Trends_level_shifts_and_NaN_gaps_longer_than_the_window_match_a_sort_of_every_window(int seed, int window)
    {
        // why: trends move every value to one end of the sorted window at each step; gaps empty and refill it.
        var random = new Random(seed);
        var values = new double[6 * window];
        for (int i = 0; i < values.Length; i++)
        {
            int phase = i / window;
            values[i] = phase switch
            {
                0 => i,
                1 => -i,
                2 => double.NaN,
                3 => Math.Floor(random.NextDouble() * 7.0) + (i % 2 == 0 ? 1000.0 : -1000.0),
                4 => random.Next(50) == 0 ? double.NegativeInfinity : random.NextDouble(),
                _ => 1e6 - i,
            };
        }

        var medians = new double[values.Length];
        var mads = new double[values.Length];
        RollingMedian.Compute(values, window, medians, mads);
        (double[] expectedMedians, double[] expectedMads) = Reference(values, window);
        Assert.Equal(expectedMedians, medians);
        Assert.Equal(expectedMads, mads);
    }

    [Fact]
    public void A_window_of_one_returns_the_values_and_zero_MAD()
    {
        double[] values = [3.0, double.NaN, -1.5, 7.0];
        var medians = new double[4];
        var mads = new double[4];
        RollingMedian.Compute(values, 1, medians, mads);
        Assert.Equal([3.0, double.NaN, -1.5, 7.0], medians);
        Assert.Equal([0.0, double.NaN, 0.0, 0.0], mads);
    }

    [Fact]
    public void An_empty_series_writes_nothing()
    {
        RollingMedian.Compute(ReadOnlySpan<double>.Empty, 10, Span<double>.Empty, Span<double>.Empty);
    }

    [Fact]
    public void Negative_zero_and_zero_tie()
    {
        double[] values = [0.0, -0.0, 0.0, -0.0, 1.0];
        var medians = new double[5];
        var mads = new double[5];
        RollingMedian.Compute(values, 3, medians, mads);
        Assert.All(medians[..4], m => Assert.Equal(0.0, m));
        Assert.Equal(0.0, mads[4]);
    }

    [Fact]
    public void Mismatched_outputs_and_windows_below_one_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingMedian.Compute(new double[3], 0, new double[3]));
        Assert.Throws<ArgumentException>(() => RollingMedian.Compute(new double[3], 2, new double[2]));
    }

    [Property(MaxTest = 60)]
    public Property Median_and_MAD_match_the_reference_for_any_input()
    {
        Gen<double> value = Gen.Frequency(
            (8, Gen.Choose(-50, 50).Select(i => i / 4.0)),
            (1, Gen.Constant(double.NaN)),
            (1, Gen.Constant(double.PositiveInfinity)));
        Gen<(double[] Values, int Window)> input =
            from values in Gen.ArrayOf(value)
            from window in Gen.Choose(1, 40)
            select (values, window);
        return Prop.ForAll(input.ToArbitrary(), t =>
        {
            var medians = new double[t.Values.Length];
            var mads = new double[t.Values.Length];
            RollingMedian.Compute(t.Values, t.Window, medians, mads);
            (double[] em, double[] ed) = Reference(t.Values, t.Window);
            return em.SequenceEqual(medians) && ed.SequenceEqual(mads);
        });
    }

    [Property(MaxTest = 40)]
    public Property Median_moves_with_shift_and_positive_scale()
    {
        Gen<double[]> series = Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => (double)i));
        return Prop.ForAll(series.ToArbitrary(), values =>
        {
            var m1 = new double[values.Length];
            var d1 = new double[values.Length];
            var m2 = new double[values.Length];
            var d2 = new double[values.Length];
            RollingMedian.Compute(values, 9, m1, d1);
            RollingMedian.Compute(values.Select(v => (4.0 * v) + 8.0).ToArray(), 9, m2, d2);
            return Enumerable.Range(0, values.Length).All(i => m2[i] == (4.0 * m1[i]) + 8.0 && d2[i] == 4.0 * d1[i]);
        });
    }
}
