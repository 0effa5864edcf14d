using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ResidualTailTests
{
    [Fact]
    public void Gaussian_residuals_keep_nominal_surprise_and_heavy_tails_lower_it()
    {
        var random = new Random(13);
        var options = new ForecastOptions();
        double[] gaussian = Enumerable.Range(0, 20_000).Select(_ => ForecastTestData.Gaussian(random)).ToArray();
        double[] laplace = Enumerable.Range(0, 20_000).Select(_ => (random.Next(2) == 0 ? -1 : 1) * -Math.Log(1.0 - random.NextDouble()) / Math.Sqrt(2.0) * 1.4826 * 0.6931 / 0.6745).ToArray();
        ResidualTail g = ResidualTail.Fit(gaussian, options);
        ResidualTail l = ResidualTail.Fit(laplace, options);
        Assert.InRange(g.Calibrate(4.0), 3.6, 4.4);
        Assert.True(l.Calibrate(4.0) < 3.5, $"Laplace tail calibrated 4 decades to {l.Calibrate(4.0)}");
        Assert.Equal(0.0, g.Score(0.0));
        Assert.Equal(0.0, g.Score(double.NaN));
    }

    [Theory]
    [InlineData(1, 20_000)]
    [InlineData(2, 301)]
    [InlineData(3, 0)]
    public void Fitting_unordered_residuals_gives_the_tail_of_the_sorted_residuals_bit_for_bit(int seed, int n)
    {
        // why: the fitter hands over residuals reordered by a selection, not sorted; the sum over the tail must still run in ascending order.
        var random = new Random(seed);
        var options = new ForecastOptions();
        double[] residuals = Enumerable.Range(0, n).Select(_ => Math.Abs(ForecastTestData.Gaussian(random)) * (random.Next(50) == 0 ? 6.0 : 1.0)).ToArray();
        double[] sorted = [.. residuals.Order()];
        double[] shuffled = [.. residuals.OrderBy(_ => random.Next())];

        ResidualTail expected = ResidualTail.Fit(sorted, options);
        ResidualTail actual = ResidualTail.FitUnordered(shuffled, options);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Share), BitConverter.DoubleToInt64Bits(actual.Share));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.MeanExcess), BitConverter.DoubleToInt64Bits(actual.MeanExcess));
        Assert.Equal(expected.Base, actual.Base);
        Assert.Equal(sorted.Order(), shuffled.Order());
    }

    [Fact]
    public void Heavy_tailed_noise_alerts_near_the_nominal_rate()
    {
        var random = new Random(14);
        int n = 288 * 24;
        long[] ts = Enumerable.Range(0, n).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.FiveMinutesMs)).ToArray();
        double[] x = Enumerable.Range(0, n).Select(i => 100.0 + (20.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + ((random.Next(2) == 0 ? -1 : 1) * -Math.Log(1.0 - random.NextDouble()))).ToArray();
        var scores = new double[n];
        new ForecastScorerFactory(new ForecastOptions()).Create().Score(ts, x, scores);
        double over20 = scores.Skip(288 * 4).Count(s => s >= 20.0) / (double)(n - (288 * 4));
        Assert.InRange(over20, 0.002, 0.02);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.3)]
    [InlineData(5.0)]
    public void No_residual_the_tail_fit_skips_has_a_surprise_above_the_base(double s0)
    {
        double bound = ResidualTail.SurelyBelowBase(s0);
        for (int i = 0; i <= 200_000; i++)
        {
            double u = bound * i / 200_000;
            Assert.True(NormalDistribution.TwoSidedSurprise(u) <= s0, $"u = {u}");
            Assert.True(NormalDistribution.TwoSidedSurprise(-u) <= s0, $"u = {-u}");
        }

        // why: the bound must also be close below the base, or the skip would save little.
        Assert.True(NormalDistribution.TwoSidedSurprise(bound + 0.01) > s0 - 0.01);
    }
}
