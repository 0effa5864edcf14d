using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastBurstTailTests
{
    /// <summary>Four weeks of a daily five-minute season with Gaussian noise (sd 1) and, at 1 % of points, a one-sided upward burst of 4·|N(0, 1)|; a drop of <paramref name="drop"/> at point <paramref name="dropAt"/>.</summary>
    private static (long[] Timestamps, double[] Values) Series(int seed, int dropAt, double drop)
    {
        var random = new Random(seed);
        int n = 288 * 28;
        long[] ts = [.. Enumerable.Range(0, n).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.FiveMinutesMs))];
        double[] x = [.. Enumerable.Range(0, n).Select(i => 100.0 + (20.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + ForecastTestData.Gaussian(random)
            + (random.NextDouble() < 0.01 ? 4.0 * Math.Abs(ForecastTestData.Gaussian(random)) : 0.0))];
        x[dropAt] -= drop;
        return (ts, x);
    }

    private static double[] Scores(bool burstTail, long[] ts, double[] x)
    {
        var scores = new double[x.Length];
        new ForecastScorerFactory(new ForecastOptions { BurstTail = burstTail }).Create().Score(ts, x, scores);
        return scores;
    }

    [Fact]
    public void Upward_bursts_stop_being_surprises_while_a_drop_keeps_its_score()
    {
        int dropAt = (288 * 27) + 100;
        (long[] ts, double[] x) = Series(21, dropAt, 10.0);
        double[] with = Scores(true, ts, x);
        double[] without = Scores(false, ts, x);

        // why: 30 (p = 0.001 per point) is far beyond what Gaussian noise reaches more than a few times in three weeks;
        // past the first week the bursts' own tail is known.
        int Strong(double[] s) => Enumerable.Range(288 * 7, x.Length - (288 * 7)).Count(i => i != dropAt && s[i] >= 30.0);
        Assert.True(Strong(without) >= 5 && Strong(with) * 3 <= Strong(without), $"{Strong(with)} points of 30 or more with the burst tail, {Strong(without)} without");
        // why: 55 is what the strongest pass needs for a window at the default family and two passes.
        Assert.True(with[dropAt] >= without[dropAt] && with[dropAt] >= 55.0, $"the drop of 10 sd scores {with[dropAt]} with the burst tail ({without[dropAt]} without)");

        // why: the model's residual tail is fitted on both sides together, so without the burst tail the upward bursts damp the drop too.
        Assert.True(with[dropAt] >= without[dropAt] + 10.0, $"the drop scores {with[dropAt]} with the burst tail, {without[dropAt]} with the two-sided tail alone");
    }
}
