using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastCalibrationTests
{
    [Fact]
    public void Scores_on_gaussian_noise_exceed_s_about_ten_to_the_minus_s_over_ten_of_the_time()
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(11, 288 * 24, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0);
        var scores = new double[x.Length];
        new ForecastScorerFactory(new ForecastOptions()).Create().Score(ts, x, scores);
        double[] settled = scores.Skip(288 * 4).ToArray();
        double over10 = settled.Count(s => s >= 10.0) / (double)settled.Length;
        double over20 = settled.Count(s => s >= 20.0) / (double)settled.Length;
        Assert.InRange(over10, 0.07, 0.14);
        Assert.InRange(over20, 0.004, 0.02);
    }
}
