using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Tests.Detection.Statistical;

public sealed class StatisticalScorerTests
{
    private static double[] Noise(int seed, int n, double level = 10.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => level + random.NextDouble()).ToArray();
    }

    [Fact]
    public void Detect_flags_a_spike_and_names_the_features()
    {
        const int n = 2000;
        double[] values = Noise(5, n);
        values[1500] = 40.0;
        var scorer = (IContributingSeriesScorer)new StatisticalScorerFactory(new StatisticalOptions()).Create();
        var scores = new double[n];
        var contributions = new double[n * scorer.PassNames.Count];
        scorer.Score(StatisticalTestData.Timestamps(n), values, scores, contributions);
        Assert.True(scores[1500] >= ScoreScale.DefaultThreshold);
        Assert.Equal(scores[1500..].Max(), scores[1500]);
        Assert.Contains("point", scorer.PassNames);
        Assert.True(contributions[(1500 * scorer.PassNames.Count) + scorer.PassNames.ToList().IndexOf("point")] >= ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void Detect_flags_a_level_shift_once_in_the_alert_stream()
    {
        const int n = 288 * 8;
        const int shiftAt = 288 * 6;
        var random = new Random(11);
        double[] values = Enumerable.Range(0, n)
            .Select(i => 100.0 + (20.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + random.NextDouble() + (i >= shiftAt ? 15.0 : 0.0))
            .ToArray();
        double[] alerts = DailyBatchRunner.Run(new StatisticalScorerFactory(new StatisticalOptions()), StatisticalTestData.Timestamps(n), values, ScoreStream.Alert);
        double top = alerts[(288 * 3)..].Max();
        Assert.True(top >= ScoreScale.DefaultThreshold);
        Assert.Equal(top, alerts[shiftAt..(shiftAt + 12)].Max());
        Assert.Single(alerts[shiftAt..], a => a >= top - 10.0);
    }

    [Fact]
    public void Alerts_never_exceed_deviations()
    {
        const int n = 3000;
        double[] values = StatisticalTestData.Series(3, n);
        var scorer = (IDeviationSeriesScorer)new StatisticalScorerFactory(new StatisticalOptions()).Create();
        var deviations = new double[n];
        var alerts = new double[n];
        scorer.Score(StatisticalTestData.Timestamps(n), values, alerts, deviations);
        Assert.All(Enumerable.Range(0, n), i => Assert.True(alerts[i] == 0.0 || alerts[i] == deviations[i]));
    }

    [Fact]
    public void NaN_values_score_zero()
    {
        double[] values = Noise(1, 100);
        values[60] = double.NaN;
        double[] scores = DailyBatchRunner.RunOnce(new StatisticalScorerFactory(new StatisticalOptions()), StatisticalTestData.Timestamps(100), values);
        Assert.Equal(0.0, scores[60]);
    }

    [Fact]
    public void An_invalid_setting_names_itself_and_its_range()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new StatisticalScorerFactory(new StatisticalOptions { TailFraction = 0.9 }));
        Assert.Equal("Detect:Statistical:TailFraction", e.Setting);
        Assert.Contains("0..0.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_from_another_version_is_rejected()
    {
        var factory = new StatisticalScorerFactory(new StatisticalOptions());
        Assert.Throws<InvalidDataException>(() => factory.Restore([9, 0, 0, 0]));
    }

    [Fact]
    public void The_fingerprint_changes_with_the_configuration()
        => Assert.NotEqual(new StatisticalScorerFactory(new StatisticalOptions()).Fingerprint, new StatisticalScorerFactory(new StatisticalOptions { LongWindow = 48 }).Fingerprint);
}
