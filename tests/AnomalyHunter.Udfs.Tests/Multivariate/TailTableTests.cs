using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Udfs.Tests.Multivariate;

public sealed class TailTableTests
{
    [Fact]
    public void Lookups_equal_interpolation_in_the_fully_evaluated_grid_bit_for_bit()
    {
        int calls = 0;
        Func<double, double> tail = x =>
        {
            calls++;
            return -0.3 * x / Math.Log(10.0);
        };
        var table = new TailTable(tail);
        int afterConstruction = calls;
        double[] grid = EagerGrid(tail, out double step);
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            double statistic = Math.Pow(10.0, (random.NextDouble() * 6.0) - 3.0);
            double position = Math.Sqrt(statistic) * (1.0 / step);
            double expected = position < TailTable.Points - 1
                ? grid[(int)position] + ((position - (int)position) * (grid[(int)position + 1] - grid[(int)position]))
                : grid[TailTable.Points - 1];
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(table.Log10Tail(statistic)));
        }

        Assert.Equal(0.0, table.Log10Tail(0.0));
        Assert.Equal(0.0, table.Log10Tail(double.NaN));
        Assert.True(afterConstruction < 40, "only the doubling search runs when the table is built");
    }

    [Fact]
    public void Models_with_equal_components_and_rows_share_one_T2_table_equal_to_a_fresh_one()
    {
        TailTable first = T2TailTables.For(3, 4096);
        Assert.Same(first, T2TailTables.For(3, 4096));
        Assert.NotSame(first, T2TailTables.For(3, 4095));
        double logNormaliser = ControlLimits.T2LogNormaliser(3, 4096);
        var fresh = new TailTable(t2 => Math.Log10(Math.Max(double.Epsilon, ControlLimits.T2Tail(t2, 3, 4096, logNormaliser))));
        foreach (double t2 in new[] { 0.01, 0.5, 2.0, 7.81, 20.0, 45.0, 1e4 })
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(fresh.Log10Tail(t2)), BitConverter.DoubleToInt64Bits(first.Log10Tail(t2)));
        }
    }

    /// <summary>The grid as the table defines it, every point evaluated up front.</summary>
    private static double[] EagerGrid(Func<double, double> log10Tail, out double step)
    {
        double top = 1.0;
        while (top < 1e6 && log10Tail(top * top) > TailTable.FloorLog10)
        {
            top *= 2.0;
        }

        step = top / (TailTable.Points - 1);
        var grid = new double[TailTable.Points];
        for (int i = 0; i < grid.Length; i++)
        {
            double s = i * step;
            grid[i] = Math.Max(TailTable.FloorLog10, Math.Min(0.0, log10Tail(s * s)));
        }

        return grid;
    }
}
