using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ScoreTailTests
{
    private const double Base = ForecastOptions.DefaultScoreTailBase;
    private const double MinSlope = ForecastOptions.DefaultScoreTailMinSlope;

    /// <summary>Scores of points whose tail probability is uniform (10 points per decade), or <paramref name="heavier"/> times as spread.</summary>
    private static double[] Scores(int seed, double heavier)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 50_000).Select(_ => heavier * -10.0 * Math.Log10(1.0 - random.NextDouble()))];
    }

    /// <summary>Two weeks of a daily five-minute season with Gaussian noise and, at 2 % of points, a heavy one-sided burst.</summary>
    private static (long[] Timestamps, double[] Values) HeavyTailedSeries(int seed)
    {
        var random = new Random(seed);
        int n = 288 * 14;
        long[] ts = [.. Enumerable.Range(0, n).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.FiveMinutesMs))];
        double[] x = [.. Enumerable.Range(0, n).Select(i => 100.0 + (20.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + ForecastTestData.Gaussian(random)
            + (random.NextDouble() < 0.02 ? 5.0 * Math.Abs(ForecastTestData.Gaussian(random)) : 0.0))];
        return (ts, x);
    }

    [Fact]
    public void Scores_that_mean_what_they_claim_pass_almost_unchanged()
    {
        var tail = ScoreTail.Prior(ForecastOptions.DefaultScoreTailPrior);
        double[] scores = Scores(1, 1.0);
        double largestDrop = 0.0;
        for (int i = 0; i < scores.Length; i++)
        {
            double c = tail.CalibrateAndAdd(scores[i], Base, MinSlope);
            Assert.True(c <= scores[i]);

            // why: the first exceedances are few, so the estimated slope wanders before it settles near 1.
            largestDrop = Math.Max(largestDrop, i >= 5_000 && scores[i] <= 40.0 ? scores[i] - c : 0.0);
        }

        Assert.True(largestDrop < 1.5, $"a score of at most 40 lost {largestDrop} points");
    }

    [Fact]
    public void A_heavier_tail_lowers_scores_above_the_base_but_never_below_the_least_slope_nor_raises_any()
    {
        var tail = ScoreTail.Prior(ForecastOptions.DefaultScoreTailPrior);
        double[] scores = Scores(2, 2.0);
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            double c = tail.CalibrateAndAdd(s, Base, MinSlope);
            Assert.True(c <= s);
            Assert.True(s <= Base ? c == s : c >= Base + (MinSlope * (s - Base)) - 1e-9);
            if (i >= 5_000 && s > Base)
            {
                // why: a tail twice as heavy has half the nominal slope, below the least slope, so the least slope holds.
                Assert.Equal(Base + (MinSlope * (s - Base)), c, 9);
            }
        }

        Assert.Equal(double.NaN, tail.CalibrateAndAdd(double.NaN, Base, MinSlope));
    }

    [Fact]
    public void Heavy_tailed_bursts_score_lower_with_the_correction_than_without()
    {
        (long[] ts, double[] x) = HeavyTailedSeries(15);
        int n = x.Length;
        double Over(double minSlope, double threshold)
        {
            var scores = new double[n];
            new ForecastScorerFactory(new ForecastOptions { ScoreTailMinSlope = minSlope, ScoreTailSettledSlope = minSlope }).Create().Score(ts, x, scores);
            return scores.Skip(288 * 4).Count(s => s >= threshold);
        }

        Assert.True(Over(MinSlope, 30.0) < Over(1.0, 30.0), $"{Over(MinSlope, 30.0)} scores of 30 or more with the correction, {Over(1.0, 30.0)} without ({Over(1.0, 20.0)} of 20, {Over(1.0, 40.0)} of 40)");
    }

    [Fact]
    public void A_long_heavy_tailed_series_gets_the_settled_slope_and_a_short_one_keeps_the_least_slope()
    {
        (long[] ts, double[] x) = HeavyTailedSeries(16);
        int n = x.Length;
        double[] Scores(double settledSlope, int length)
        {
            var scores = new double[length];
            new ForecastScorerFactory(new ForecastOptions { ScoreTailSettledSlope = settledSlope }).Create().Score(ts.AsSpan(0, length), x.AsSpan(0, length), scores);
            return scores;
        }

        double[] least = Scores(MinSlope, n);
        double[] settled = Scores(0.0, n);
        int settledAt = Array.FindIndex(least.Zip(settled).ToArray(), p => p.First != p.Second);
        Assert.True(settledAt > 0, "the settled slope never applied");
        Assert.True(least.Take(settledAt).Count(s => s > Base) >= ForecastOptions.DefaultScoreTailSettledOver, $"the settled slope applied after {least.Take(settledAt).Count(s => s > Base)} exceedances");
        Assert.All(least.Zip(settled), p => Assert.True(p.Second <= p.First));
        Assert.True(settled.Sum() < least.Sum());

        // why: a short file (the demo's length) has too few exceedances to trust its own slope below the least slope.
        Assert.Equal(Scores(MinSlope, 400), Scores(0.0, 400));
    }
}
