using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Detection.Combined;

public sealed class CombinedScorerLearningTests
{
    private const int PerDay = CombinedTestData.PerDay;

    private static CombinedScorerFactory Factory(TimeSpan? learning, TimeSpan? settling = null, double learningMargin = 0.0) =>
        new(
            [new NoveltyScorerFactory(new NoveltyOptions()), new StatisticalScorerFactory(new StatisticalOptions()), new ForecastScorerFactory(new ForecastOptions())],
            ["novelty"],
            PassCombination.DefaultAgreementMargin,
            ScoreScale.DefaultDeviationFamily,
            null,
            PassCombination.DefaultAgreementSpan,
            learning,
            settling,
            PassCombination.DefaultSettlingMargin,
            learningMargin);

    /// <summary>Three days of a daily business curve with noise (its first morning looks like a shift) and a spike on day 3.</summary>
    private static (long[] Ts, double[] Values) Series() => CombinedTestData.Series(5, 3 * PerDay, (i, noise) =>
        100.0 + (40.0 * Math.Cos(2.0 * Math.PI * ((i % PerDay) - 168) / PerDay)) + (2.0 * noise) + (i == (2 * PerDay) + 100 ? 40.0 : 0.0));

    private static double[] Deviations(CombinedScorerFactory factory, long[] ts, double[] values, int batch) => CombinedTestData.Run(factory, ts, values, batch).Deviations;

    /// <summary>Asserts that each of the first <paramref name="points"/> of <paramref name="with"/> is at most (and at most <paramref name="most"/> below) its value <paramref name="without"/>, and every later point is equal.</summary>
    private static void AssertLoweredOnlyBefore(double[] with, double[] without, int points, double most = double.PositiveInfinity)
    {
        for (int i = 0; i < with.Length; i++)
        {
            if (i < points)
            {
                Assert.True(with[i] <= without[i] && with[i] >= without[i] - most - 1e-9, $"point {i}: {with[i]} against {without[i]}");
            }
            else
            {
                Assert.Equal(without[i], with[i]);
            }
        }
    }

    [Fact]
    public void The_learning_period_only_lowers_deviations_of_the_first_day_and_changes_nothing_after()
    {
        var (ts, values) = Series();
        double[] without = Deviations(Factory(null), ts, values, values.Length);
        double[] with = Deviations(Factory(TimeSpan.FromDays(1)), ts, values, values.Length);
        AssertLoweredOnlyBefore(with, without, PerDay);

        Assert.Contains(without.Take(PerDay), d => d >= ScoreScale.DefaultThreshold);
        Assert.True(with.Skip((2 * PerDay) + 100).First() >= ScoreScale.DefaultThreshold, "the spike on day 3 is still found");
    }

    [Fact]
    public void Daily_batches_with_the_learning_period_equal_one_backfill()
    {
        var (ts, values) = Series();
        var factory = Factory(TimeSpan.FromDays(1));
        double[] backfill = Deviations(factory, ts, values, values.Length);
        double[] batches = Deviations(factory, ts, values, 100);
        Assert.Equal(backfill, batches);
    }

    [Fact]
    public void The_settling_period_lowers_some_deviations_of_its_days_and_changes_nothing_after()
    {
        var (ts, values) = Series();
        double[] without = Deviations(Factory(TimeSpan.FromDays(1)), ts, values, values.Length);
        double[] with = Deviations(Factory(TimeSpan.FromDays(1), TimeSpan.FromDays(2)), ts, values, values.Length);
        AssertLoweredOnlyBefore(with, without, 2 * PerDay);

        Assert.Contains(Enumerable.Range(PerDay, PerDay), i => with[i] < without[i]);
    }

    [Fact]
    public void Daily_batches_with_the_settling_period_equal_one_backfill()
    {
        var (ts, values) = Series();
        var factory = Factory(TimeSpan.FromDays(1), TimeSpan.FromDays(2));
        double[] backfill = Deviations(factory, ts, values, values.Length);
        double[] batches = Deviations(factory, ts, values, 100);
        Assert.Equal(backfill, batches);
    }

    [Fact]
    public void The_learning_margin_lowers_each_first_day_deviation_by_at_most_itself_and_changes_nothing_after()
    {
        var (ts, values) = Series();

        // why: a jump on the first afternoon that every pass finds rare, so the margin has something to lower.
        values[200] += 60.0;
        double[] plain = Deviations(Factory(TimeSpan.FromDays(1)), ts, values, values.Length);
        double[] margin = Deviations(Factory(TimeSpan.FromDays(1), learningMargin: PassCombination.DefaultLearningMargin), ts, values, values.Length);
        AssertLoweredOnlyBefore(margin, plain, PerDay, most: PassCombination.DefaultLearningMargin);

        Assert.True(plain[200] > PassCombination.DefaultLearningMargin, $"the first day's jump deviates by {plain[200]} without the margin");
        Assert.Equal(plain[200] - PassCombination.DefaultLearningMargin, margin[200], 9);
        Assert.Equal(margin, Deviations(Factory(TimeSpan.FromDays(1), learningMargin: PassCombination.DefaultLearningMargin), ts, values, 100));
    }
}
