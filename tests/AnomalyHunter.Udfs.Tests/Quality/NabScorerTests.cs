using AnomalyHunter.Quality.Nab;

namespace AnomalyHunter.Udfs.Tests.Quality;

public sealed class NabScorerTests
{
    [Fact]
    public void Trailing_z_score_reproduces_the_published_reference_point()
    {
        string root = NabCorpus.Locate() ?? throw new DirectoryNotFoundException("shared/datasets/nab-open was not found above the test directory; set ANOMALYHUNTER_NAB_DATA.");
        IReadOnlyList<NabSeries> corpus = NabCorpus.Load(root);
        var scored = corpus.Select(s => new NabScoredSeries(s, TrailingZScore.Compute(s.Values))).ToList();
        Assert.Equal(38, corpus.Count);
        Assert.Equal(69, corpus.Sum(s => s.Windows.Length));
        Assert.Equal(29.02, NabScorer.Score(scored, NabProfile.Standard).NormalizedScore, 0.05);
        Assert.Equal(11.27, NabScorer.Score(scored, NabProfile.RewardLowFp).NormalizedScore, 0.05);
        Assert.Equal(38.85, NabScorer.Score(scored, NabProfile.RewardLowFn).NormalizedScore, 0.05);
    }

    [Fact]
    public void A_detection_at_the_window_start_is_a_perfect_score()
    {
        var values = new double[1000];
        var series = new NabSeries("s", "c", new long[1000], values, [new NabWindow(500, 599)]);
        var scores = new double[1000];
        scores[500] = 1.0;
        NabResult result = NabScorer.Score([new NabScoredSeries(series, scores)], NabProfile.Standard);
        Assert.Equal(100.0, result.NormalizedScore, 9);
        Assert.Equal(1.0, result.Threshold);
    }

    [Fact]
    public void A_detection_right_after_a_window_is_nearly_free_and_far_after_it_costs_the_full_weight()
    {
        var series = new NabSeries("s", "c", new long[2000], new double[2000], [new NabWindow(500, 599)]);
        (double[] values, int[] windowOf) = NabScorer.RowValues(series, NabProfile.Standard);
        Assert.Equal(0, windowOf[550]);
        Assert.Equal(-1, windowOf[600]);
        Assert.True(values[600] > -0.01);
        Assert.Equal(-0.11, values[1999], 6);
        Assert.Equal(-0.11, values[10], 9);
    }
}
