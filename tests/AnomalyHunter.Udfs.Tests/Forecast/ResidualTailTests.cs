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
}
