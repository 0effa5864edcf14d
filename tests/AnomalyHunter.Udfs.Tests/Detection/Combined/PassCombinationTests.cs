using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Udfs.Tests.Detection.Combined;

public sealed class PassCombinationTests
{
    private static readonly double Family = PassCombination.FamilyPenalty(ScoreScale.DefaultDeviationFamily);
    private static readonly double Penalty = PassCombination.Penalty(3);

    private static double Combine(params double[] perPoint) =>
        PassCombination.Deviation(perPoint, Penalty, Family, PassCombination.DefaultAgreementMargin);

    [Fact]
    public void A_deviation_only_one_pass_sees_stays_under_the_threshold_however_strong()
    {
        Assert.True(Combine(100, 0, 0) < ScoreScale.DefaultThreshold);
        Assert.True(Combine(0, 100, 5) < ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void A_strong_deviation_that_a_second_pass_supports_reaches_the_threshold()
    {
        Assert.True(Combine(80, 25, 0) >= ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void A_per_point_rarity_of_one_in_a_hundred_does_not_open_a_window_when_every_pass_agrees()
    {
        // why: the family correction: a 1 % point is expected about 10 times in 1000 normal points.
        Assert.Equal(0.0, Combine(20, 20, 20));
    }

    [Fact]
    public void Without_agreement_the_best_pass_counts_alone_after_the_corrections()
    {
        double alone = PassCombination.Deviation([90.0, 0.0, 0.0], Penalty, Family);
        Assert.Equal(90.0 - Family - Penalty, alone, 9);
    }

    [Fact]
    public void A_second_pass_may_agree_on_a_nearby_point_but_not_on_nothing()
    {
        // why: the forecast sees a level shift at its onset, the median-based features a few points later.
        double[] now = [80.0, 5.0, 0.0];
        double nearby = PassCombination.Deviation(now, [80.0, 25.0, 0.0], Penalty, Family, PassCombination.DefaultAgreementMargin);
        double unsupported = PassCombination.Deviation(now, now, Penalty, Family, PassCombination.DefaultAgreementMargin);
        Assert.True(nearby >= ScoreScale.DefaultThreshold);
        Assert.Equal(Combine(now), unsupported, 9);
        Assert.True(unsupported < ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void Agreement_never_lets_the_strongest_pass_agree_with_itself()
    {
        // why: a pass that was high a moment ago and is high now is one pass, not two.
        double alone = PassCombination.Deviation([80.0, 0.0, 0.0], [95.0, 0.0, 0.0], Penalty, Family, PassCombination.DefaultAgreementMargin);
        Assert.True(alone < ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void Raising_any_pass_score_never_lowers_the_combined_deviation()
    {
        var rng = new Random(11);
        for (int k = 0; k < 2000; k++)
        {
            double[] scores = [100 * rng.NextDouble(), 100 * rng.NextDouble(), 100 * rng.NextDouble()];
            double before = Combine(scores);
            scores[rng.Next(3)] += 10 * rng.NextDouble();
            Assert.True(Combine(scores) >= before);
        }
    }
}
