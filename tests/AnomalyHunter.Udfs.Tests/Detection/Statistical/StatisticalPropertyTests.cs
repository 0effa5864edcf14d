using System.Buffers;
using AnomalyHunter.Quality.Demo;
using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Statistical;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Detection.Statistical;

public sealed class StatisticalPropertyTests
{
    private const int Points = 1500;

    private static double[] Run(StatisticalOptions options, long[] ts, double[] values, ScoreStream stream = ScoreStream.Deviation)
        => DailyBatchRunner.RunOnce(new StatisticalScorerFactory(options), ts, values, stream);

    [Property(MaxTest = 5)]
    public bool A_constant_series_has_no_anomalies(int seed)
    {
        double level = (new Random(seed).NextDouble() - 0.5) * 1000.0;
        double[] values = Enumerable.Repeat(level, Points).ToArray();
        return StatisticalTestData.Configurations.All(o =>
            Run(o, StatisticalTestData.Timestamps(Points), values).All(s => s == 0.0)
            && Run(o, StatisticalTestData.Timestamps(Points), values, ScoreStream.Alert).All(s => s == 0.0));
    }

    [Property(MaxTest = 5)]
    public bool Scores_do_not_change_under_shift_and_positive_scale(int seed)
    {
        var random = new Random(seed);
        double shift = (random.NextDouble() - 0.5) * 1000.0;
        double scale = 0.01 + (random.NextDouble() * 100.0);
        double[] values = StatisticalTestData.Series(seed, Points);
        double[] moved = values.Select(v => (v * scale) + shift).ToArray();
        long[] ts = StatisticalTestData.Timestamps(Points);
        return StatisticalTestData.Configurations.All(o =>
        {
            double[] a = Run(o, ts, values);
            double[] b = Run(o, ts, moved);
            return a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-6 * ScoreScale.Max);
        });
    }

    [Property(MaxTest = 5)]
    public bool Raising_the_threshold_never_adds_windows(int seed)
    {
        double[] values = StatisticalTestData.Series(seed, Points);
        double low = new Random(seed).NextDouble() * 60.0;
        double high = low + 10.0;
        return StatisticalTestData.Configurations.All(o =>
            new[] { ScoreStream.Deviation, ScoreStream.Alert }.All(stream =>
            {
                double[] scores = Run(o, StatisticalTestData.Timestamps(Points), values, stream);
                var lowRuns = DemoEvaluation.ReportedRuns(scores, low, 0);
                var highRuns = DemoEvaluation.ReportedRuns(scores, high, 0);
                return highRuns.All(h => lowRuns.Any(l => l.Start <= h.Start && h.End <= l.End));
            }));
    }

    [Property(MaxTest = 5)]
    public bool Appending_data_never_changes_earlier_scores(int seed)
    {
        double[] values = StatisticalTestData.Series(seed, Points);
        long[] ts = StatisticalTestData.Timestamps(Points);
        int cut = 1 + (Math.Abs(seed % (Points - 1)));
        return StatisticalTestData.Configurations.All(o =>
            new[] { ScoreStream.Deviation, ScoreStream.Alert }.All(stream =>
            {
                double[] full = Run(o, ts, values, stream);
                double[] prefix = Run(o, ts[..cut], values[..cut], stream);
                return prefix.AsSpan().SequenceEqual(full.AsSpan(0, cut));
            }));
    }

    [Property(MaxTest = 5)]
    public bool Daily_batches_with_state_restore_equal_one_backfill(int seed)
    {
        double[] values = StatisticalTestData.Series(seed, Points);
        var random = new Random(seed);
        for (int i = 0; i < values.Length; i++)
        {
            if (random.NextDouble() < 0.01)
            {
                values[i] = double.NaN;
            }
        }

        long[] ts = StatisticalTestData.Timestamps(Points, StatisticalTestData.StartMs + (random.Next(288) * StatisticalTestData.StepMs));
        return StatisticalTestData.Configurations.All(o =>
        {
            var factory = new StatisticalScorerFactory(o);
            return new[] { ScoreStream.Deviation, ScoreStream.Alert }.All(stream =>
                DailyBatchRunner.Run(factory, ts, values, stream).AsSpan().SequenceEqual(DailyBatchRunner.RunOnce(factory, ts, values, stream)));
        });
    }

    [Fact]
    public void Saved_state_does_not_grow_with_history()
    {
        var factory = new StatisticalScorerFactory(new StatisticalOptions { TailGeneration = 1000 });
        int StateSize(int n)
        {
            ISeriesScorer scorer = factory.Create();
            double[] values = StatisticalTestData.Series(1, n);
            scorer.Score(StatisticalTestData.Timestamps(n), values, new double[n]);
            var buffer = new ArrayBufferWriter<byte>();
            scorer.WriteState(buffer);
            return buffer.WrittenCount;
        }

        Assert.Equal(StateSize(3_000), StateSize(30_000));
    }
}
