using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Novelty;

namespace AnomalyHunter.Udfs.Tests.Detection.Novelty;

public sealed class DeviationTrackerTests
{
    /// <summary>Noise with one-sided bursts, near-ties between the two trackers' residuals, level shifts and a flat stretch, so every kind of judgement occurs.</summary>
    private static (double Level, double Seasonal)[] Residuals(int seed, int n)
    {
        var random = new Random(seed);
        var points = new (double, double)[n];
        for (int i = 0; i < n; i++)
        {
            double noise = random.NextDouble() - 0.5;
            double burst = random.NextDouble() < 0.01 ? 5.0 + (20.0 * random.NextDouble()) : 0.0;
            double shift = i > n / 2 ? 8.0 : 0.0;
            double level = (i % 1000) is > 700 and < 760 ? 3.0 : shift + noise + burst;

            // why: the seasonal residual is often the level's own value or one a hair away, where the order of z must not be trusted.
            double seasonal = random.Next(3) switch
            {
                0 => level,
                1 => level * (1.0 + (1e-12 * (random.NextDouble() - 0.5))),
                _ => (random.NextDouble() - 0.5) * 1.5,
            };
            points[i] = (level, seasonal);
        }

        return points;
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void The_smaller_score_is_the_minimum_of_both_scores_bit_for_bit(int seed, bool perPoint)
    {
        var o = new NoveltyOptions();
        var level = new DeviationTracker(o);
        var seasonal = new DeviationTracker(o);
        int shaped = 0;
        int ordered = 0;
        foreach (var (x, r) in Residuals(seed, 20_000))
        {
            DeviationJudgement a = level.Step(x, double.PositiveInfinity);
            DeviationJudgement b = seasonal.Step(r, double.PositiveInfinity);
            double expected = Math.Min(level.ScoreOf(a, perPoint), seasonal.ScoreOf(b, perPoint));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(level.SmallerScore(a, seasonal, b, perPoint)));
            shaped += a.Shaped || b.Shaped ? 1 : 0;
            ordered += a.NormalTail && b.NormalTail && a.Judged != b.Judged ? 1 : 0;
        }

        Assert.True(shaped > 50, $"only {shaped} points had a shaped tail");
        Assert.True(ordered > 1000, $"only {ordered} points were ordered by z");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void A_corrected_score_below_the_zero_bound_is_the_normal_tails_score(int seed)
    {
        var o = new NoveltyOptions();
        var tracker = new DeviationTracker(o);
        int checkedPoints = 0;
        foreach (var (x, _) in Residuals(seed, 20_000))
        {
            DeviationJudgement j = tracker.Step(x, double.PositiveInfinity);
            if (j.Burst && !j.Shaped)
            {
                double normal = Math.Clamp(10.0 * (NormalDistribution.TwoSidedSurprise(j.Judged) - Math.Log10(o.DeviationFamily)), 0.0, ScoreScale.Max);
                Assert.Equal(BitConverter.DoubleToInt64Bits(normal), BitConverter.DoubleToInt64Bits(tracker.ScoreOf(j, perPoint: false)));
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints > 10_000, $"only {checkedPoints} points were checked");
    }
}
