using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Tests.Detection;

public sealed class EnsembleScorerTests
{
    [Fact]
    public void Detect_flags_a_level_shift_in_a_seasonal_series()
    {
        const int n = 288 * 6;
        const int shiftAt = 288 * 5;
        var random = new Random(11);
        double[] values = Enumerable.Range(0, n)
            .Select(i => 100.0 + (20.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + random.NextDouble() + (i >= shiftAt ? 15.0 : 0.0))
            .ToArray();
        double[] scores = DailyBatchRunner.Run(new EnsembleScorerFactory(new EnsembleOptions { UseSeasonal = true }), EnsembleTestData.Timestamps(n), values);
        Assert.Contains(scores[shiftAt..(shiftAt + 12)], s => s >= ScoreScale.DefaultThreshold);
        Assert.DoesNotContain(scores[(288 * 2)..shiftAt], s => s >= ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void Detect_flags_a_spike_and_reports_each_pass()
    {
        const int n = 600;
        var random = new Random(5);
        double[] values = Enumerable.Range(0, n).Select(_ => 10.0 + random.NextDouble()).ToArray();
        values[400] = 40.0;
        var scorer = (IContributingSeriesScorer)new EnsembleScorerFactory(new EnsembleOptions()).Create();
        var scores = new double[n];
        var contributions = new double[n * scorer.PassNames.Count];
        scorer.Score(EnsembleTestData.Timestamps(n), values, scores, contributions);
        Assert.True(scores[400] >= ScoreScale.DefaultThreshold);
        Assert.True(contributions[400 * scorer.PassNames.Count] >= ScoreScale.DefaultThreshold);
        Assert.Equal(["point", "shift", "variance"], scorer.PassNames);
    }

    [Fact]
    public void NaN_values_score_zero()
    {
        double[] values = [1, 2, double.NaN, 3];
        double[] scores = DailyBatchRunner.RunOnce(new EnsembleScorerFactory(new EnsembleOptions { MinHistory = 3 }), EnsembleTestData.Timestamps(4), values);
        Assert.Equal(0.0, scores[2]);
    }

    [Fact]
    public void An_invalid_window_names_the_setting_and_its_range()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new EnsembleScorerFactory(new EnsembleOptions { LocalWindow = 2 }));
        Assert.Equal("Detect:Ensemble:LocalWindow", e.Setting);
        Assert.Contains("8..100000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_from_another_version_is_rejected()
    {
        var factory = new EnsembleScorerFactory(new EnsembleOptions());
        Assert.Throws<InvalidDataException>(() => factory.Restore([9, 0, 0, 0]));
    }
}
