using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;
using Xunit.Abstractions;

namespace AnomalyHunter.Udfs.Tests.Detection.Combined;

/// <summary>One far glitch (a sentinel value) must not blind the passes to the incidents that follow it.</summary>
public sealed class GlitchRobustnessTests(ITestOutputHelper output)
{
    private const int PerDay = CombinedTestData.PerDay;
    private const int GlitchAt = 600;
    private static readonly (int At, double Size)[] Spikes = [(800, 25.0), (1300, 40.0), (1700, -30.0), (2200, 60.0), (2600, 20.0)];

    private static CombinedScorerFactory Factory(NoveltyOptions novelty, StatisticalOptions statistical, ForecastOptions forecast) =>
        new(
            [new NoveltyScorerFactory(novelty), new StatisticalScorerFactory(statistical), new ForecastScorerFactory(forecast)],
            ["novelty"],
            PassCombination.DefaultAgreementMargin,
            ScoreScale.DefaultDeviationFamily,
            null,
            PassCombination.DefaultAgreementSpan,
            PassCombination.DefaultLearningPeriod,
            PassCombination.DefaultSettlingPeriod,
            PassCombination.DefaultSettlingMargin,
            PassCombination.DefaultLearningMargin);

    /// <summary>Ten days of noise around 100 (sd 1) with spikes of several sizes, and <paramref name="glitch"/> then −<paramref name="glitch"/> on two points.</summary>
    private static (long[] Ts, double[] Values) Series(double glitch) => Series(glitch, -glitch);

    /// <summary>Like <see cref="Series(double)"/> with <paramref name="high"/> then <paramref name="low"/> on the two points.</summary>
    private static (long[] Ts, double[] Values) Series(double high, double low) => CombinedTestData.Series(1, 10 * PerDay, (i, noise) =>
        i == GlitchAt ? high : i == GlitchAt + 1 ? low : 100.0 + noise + Spikes.Where(s => s.At == i).Sum(s => s.Size));

    private static (double[] Alerts, double[] Deviations, double[] PerPass) Run(CombinedScorerFactory factory, long[] ts, double[] values) =>
        CombinedTestData.Run(factory, ts, values, PerDay);

    private static CombinedScorerFactory Guarded() => Factory(new NoveltyOptions(), new StatisticalOptions(), new ForecastOptions());

    private static CombinedScorerFactory Unguarded() => Factory(
        new NoveltyOptions { RangeGrowth = double.PositiveInfinity },
        new StatisticalOptions { TailGrowth = double.PositiveInfinity },
        new ForecastOptions { GlitchClip = double.PositiveInfinity });

    [Theory]
    [InlineData(1e6)]
    [InlineData(1e50)]
    [InlineData(1.7e308)]
    public void Every_spike_found_after_an_ordinary_outlier_pair_is_found_after_a_far_glitch(double glitch)
    {
        // why: the baseline has a ±15 sd pair in the glitch's place, so every tail counts the same number of outliers
        // and only the glitch's size differs.
        (long[] ts, double[] clean) = Series(115.0, 85.0);
        (_, double[] values) = Series(glitch);
        (_, double[] expected, double[] expectedPerPass) = Run(Guarded(), ts, clean);
        (_, double[] deviations, double[] perPass) = Run(Guarded(), ts, values);
        Assert.True(deviations[GlitchAt] >= ScoreScale.DefaultThreshold, $"the glitch itself scored {deviations[GlitchAt]}");
        int found = 0;
        foreach ((int at, double size) in Spikes)
        {
            output.WriteLine($"{size:+0;-0} sd at {at}: combined {deviations[at]:F1} (after ±15 sd {expected[at]:F1}), novelty {perPass[at * 3]:F1}, statistical {perPass[(at * 3) + 1]:F1}, forecast {perPass[(at * 3) + 2]:F1} (after ±15 sd: {expectedPerPass[at * 3]:F1}, {expectedPerPass[(at * 3) + 1]:F1}, {expectedPerPass[(at * 3) + 2]:F1})");
            Assert.All(Enumerable.Range(0, 3), p => Assert.True(double.IsFinite(perPass[(at * 3) + p])));
            if (expected[at] >= ScoreScale.DefaultThreshold)
            {
                found++;
                Assert.True(deviations[at] >= ScoreScale.DefaultThreshold, $"the {size} sd spike at {at} scored {deviations[at]} after a glitch of {glitch}, {expected[at]} after a ±15 sd pair");
            }
        }

        Assert.True(found >= 4, $"only {found} spikes are found after a ±15 sd pair");
    }

    [Fact]
    public void Without_the_guards_the_same_glitch_hides_spikes_found_after_an_ordinary_outlier_pair()
    {
        (long[] ts, double[] clean) = Series(115.0, 85.0);
        (_, double[] values) = Series(1e6);
        (_, double[] expected, _) = Run(Unguarded(), ts, clean);
        (_, double[] deviations, _) = Run(Unguarded(), ts, values);
        Assert.Contains(Spikes, s => expected[s.At] >= ScoreScale.DefaultThreshold && deviations[s.At] < ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void A_spike_of_a_new_size_alerts_after_a_far_glitch()
    {
        (long[] ts, double[] values) = Series(1e6);
        (double[] guarded, _, _) = Run(Guarded(), ts, values);
        (double[] unguarded, _, _) = Run(Factory(new NoveltyOptions { RangeGrowth = double.PositiveInfinity }, new StatisticalOptions(), new ForecastOptions()), ts, values);
        int after = GlitchAt + new NoveltyOptions().Rest + 2;
        output.WriteLine("alerts at " + string.Join(' ', Enumerable.Range(after, ts.Length - after).Where(i => guarded[i] >= ScoreScale.DefaultThreshold)));
        Assert.Contains(Spikes, s => s.At >= after && guarded[s.At] >= ScoreScale.DefaultThreshold);
        Assert.DoesNotContain(Enumerable.Range(after, ts.Length - after), i => unguarded[i] >= ScoreScale.DefaultThreshold);
    }

    [Theory]
    [InlineData(1.7e308)]
    [InlineData(1e200)]
    public void Hours_of_alternating_extreme_values_score_finite_and_the_series_goes_on(double extreme)
    {
        // why: alternating ±1.7e308 made the rolling windows' spread and the residual both infinite, and ∞ / ∞ put NaN
        // into a sorted window, which then threw and failed the whole detect run.
        (long[] ts, double[] values) = Series(1e6);
        for (int i = 1000; i < 1300; i++)
        {
            values[i] = i % 2 == 0 ? extreme : -extreme;
        }

        (double[] alerts, double[] deviations, double[] perPass) = Run(Guarded(), ts, values);
        Assert.All(deviations, d => Assert.True(double.IsFinite(d)));
        Assert.All(alerts, a => Assert.True(double.IsFinite(a)));
        Assert.All(perPass, p => Assert.True(double.IsFinite(p)));
        Assert.True(deviations[1000] >= ScoreScale.DefaultThreshold, $"the first extreme value scored {deviations[1000]}");
        Assert.True(deviations[2200] >= ScoreScale.DefaultThreshold, $"the 60 sd spike a few days later scored {deviations[2200]}");
    }
}
