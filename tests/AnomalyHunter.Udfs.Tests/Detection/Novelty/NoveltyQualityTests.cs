using AnomalyHunter.Quality.Demo;
using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Quality.Nab;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Novelty;

namespace AnomalyHunter.Udfs.Tests.Detection.Novelty;

public sealed class NoveltyQualityTests
{
    [Fact]
    public void Default_configuration_reaches_the_nab_targets_in_daily_batches()
    {
        string root = NabCorpus.Locate() ?? throw new DirectoryNotFoundException("shared/datasets/nab-open was not found above the test directory; set ANOMALYHUNTER_NAB_DATA.");
        IReadOnlyList<NabSeries> corpus = NabCorpus.Load(root);
        (List<NabScoredSeries> scored, _) = NabCommand.ScoreCorpus(corpus, new NoveltyScorerFactory(new NoveltyOptions()));
        Assert.True(NabScorer.Score(scored, NabProfile.Standard).NormalizedScore >= 72.0);
        Assert.True(NabScorer.Score(scored, NabProfile.RewardLowFp).NormalizedScore >= 62.0);
        Assert.True(NabScorer.Score(scored, NabProfile.RewardLowFn).NormalizedScore >= 77.0);
    }

    [Fact]
    public void Deviation_output_meets_the_demo_criteria()
    {
        string root = DemoCorpus.Locate() ?? throw new DirectoryNotFoundException("shared/datasets/anomaly-hunter-demo was not found above the test directory; set ANOMALYHUNTER_DEMO_DATA.");
        var factory = new NoveltyScorerFactory(new NoveltyOptions());
        int reported = 0;
        int overlapping = 0;
        foreach (DemoScenario scenario in DemoCorpus.Scenarios)
        {
            (long[] ts, double[] values) = NabCorpus.ReadCsv(Path.Combine(root, scenario.File));
            (_, double[]? deviations) = DailyBatchRunner.RunWithDeviations(factory, ts, values);
            DemoEvaluation e = DemoEvaluation.Evaluate(scenario, deviations!, ScoreScale.DefaultThreshold, DemoCommand.MergeGap);
            Assert.Equal(e.Windows, e.Detected);
            Assert.Equal(e.EarlyRequired, e.Early);
            reported += e.Reported;
            overlapping += e.ReportedOverlapping;
        }

        Assert.True(overlapping >= 0.9 * reported, $"{overlapping} of {reported} reported windows overlap a label");
    }
}
