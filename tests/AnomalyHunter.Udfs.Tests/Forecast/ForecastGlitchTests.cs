using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastGlitchTests
{
    private const int PerDay = 288;

    /// <summary>Four days of a daily season with Gaussian noise (sd 1); <paramref name="change"/> applied to the values.</summary>
    private static (long[] Timestamps, double[] Values) Series(Action<double[]> change)
    {
        var random = new Random(3);
        int n = PerDay * 4;
        long[] ts = [.. Enumerable.Range(0, n).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.FiveMinutesMs))];
        double[] x = [.. Enumerable.Range(0, n).Select(i => 100.0 + (20.0 * Math.Sin(2.0 * Math.PI * i / PerDay)) + ForecastTestData.Gaussian(random))];
        change(x);
        return (ts, x);
    }

    private static double[] Scores(ForecastOptions o, long[] ts, double[] x)
    {
        var scores = new double[x.Length];
        new ForecastScorerFactory(o).Create().Score(ts, x, scores);
        return scores;
    }

    [Fact]
    public void A_lasting_shift_far_beyond_the_clip_is_learned_from_the_glitch_run_on()
    {
        int at = (PerDay * 3) + 50;
        (long[] ts, double[] x) = Series(v =>
        {
            for (int i = at; i < v.Length; i++)
            {
                v[i] += 200.0;
            }
        });
        int run = new ForecastOptions().GlitchRun;
        double Level(ForecastOptions o, int points)
        {
            var scorer = (ForecastScorer)new ForecastScorerFactory(o).Create();
            scorer.Score(ts.AsSpan(0, points), x.AsSpan(0, points), new double[points]);
            return scorer.Model!.Level;
        }

        var guarded = new ForecastOptions();
        var unguarded = new ForecastOptions { GlitchClip = double.PositiveInfinity };

        // why: the first GlitchRun − 1 points of the shift are learned as 10 sd errors, so the level lags at first; from
        // the run's last point on the shift is learned as it is, and the lag fades at the model's own smoothing rate.
        double before = Level(guarded, at);
        double lagAtFirst = Level(unguarded, at + 1) - Level(guarded, at + 1);
        double lagAfterADay = Level(unguarded, x.Length) - Level(guarded, x.Length);
        Assert.True(lagAtFirst > 0.0, $"the level lags by {lagAtFirst} after the shift's first point");
        double clippedStep = Level(guarded, at + 1) - before;
        double runStep = Level(guarded, at + run) - Level(guarded, at + run - 1);
        Assert.True(runStep > 5.0 * clippedStep, $"the run's last point moves the level by {runStep}, a clipped point by {clippedStep}");
        Assert.True(Math.Abs(lagAfterADay) < 0.05 * Math.Abs(lagAtFirst) + 0.5, $"the level still lags by {lagAfterADay} at the end ({lagAtFirst} at first)");
    }

    [Fact]
    public void A_far_glitch_leaves_the_forecast_of_the_next_day_as_an_ordinary_outlier_does()
    {
        int at = (PerDay * 2) + 50;
        int spike = (PerDay * 3) + 100;
        (long[] ts, double[] glitched) = Series(v =>
        {
            v[at] = 1e9;
            v[spike] += 15.0;
        });
        (_, double[] ordinary) = Series(v =>
        {
            v[at] += 30.0;
            v[spike] += 15.0;
        });
        double[] withGlitch = Scores(new ForecastOptions(), ts, glitched);
        double[] withOutlier = Scores(new ForecastOptions(), ts, ordinary);
        double[] unguarded = Scores(new ForecastOptions { GlitchClip = double.PositiveInfinity }, ts, glitched);
        Assert.True(withOutlier[spike] >= 30.0, $"the 15 sd spike scores {withOutlier[spike]} after an ordinary outlier");
        Assert.True(Math.Abs(withGlitch[spike] - withOutlier[spike]) <= 5.0, $"the spike scores {withGlitch[spike]} after a glitch of 1e9, {withOutlier[spike]} after a 30 sd outlier");
        Assert.True(unguarded[spike] < withGlitch[spike] - 10.0, $"without the clip the spike scores {unguarded[spike]} (with it {withGlitch[spike]})");
    }
}
