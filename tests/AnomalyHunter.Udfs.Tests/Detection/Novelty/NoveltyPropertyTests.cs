using AnomalyHunter.Quality.Demo;
using AnomalyHunter.Udfs.Detection;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Detection.Novelty;

public sealed class NoveltyPropertyTests
{
    private const int Points = 3000;

    [Property(MaxTest = 5)]
    public bool A_constant_series_has_no_anomalies(int seed)
    {
        double level = (new Random(seed).NextDouble() - 0.5) * 1000.0;
        double[] values = Enumerable.Repeat(level, Points).ToArray();
        return NoveltyTestData.Configurations.All(o =>
        {
            (double[] alerts, double[] deviations) = NoveltyTestData.Backfill(o, NoveltyTestData.Timestamps(Points), values);
            return alerts.All(s => s == 0.0) && deviations.All(s => s == 0.0);
        });
    }

    [Property(MaxTest = 5)]
    public bool Scores_do_not_change_under_shift_and_positive_scale(int seed)
    {
        var random = new Random(seed);
        double shift = (random.NextDouble() - 0.5) * 1000.0;
        double scale = 0.01 + (random.NextDouble() * 100.0);
        double[] values = NoveltyTestData.Series(seed, Points);
        double[] moved = values.Select(v => (v * scale) + shift).ToArray();
        long[] ts = NoveltyTestData.Timestamps(Points);
        return NoveltyTestData.Configurations.All(o =>
        {
            (double[] a, double[] da) = NoveltyTestData.Backfill(o, ts, values);
            (double[] b, double[] db) = NoveltyTestData.Backfill(o, ts, moved);
            return Close(a, b) && Close(da, db);
        });
    }

    [Property(MaxTest = 5)]
    public bool Raising_the_threshold_never_adds_windows(int seed)
    {
        double[] values = NoveltyTestData.Series(seed, Points);
        double low = new Random(seed).NextDouble() * 60.0;
        double high = low + 10.0;
        return NoveltyTestData.Configurations.All(o =>
        {
            (double[] alerts, double[] deviations) = NoveltyTestData.Backfill(o, NoveltyTestData.Timestamps(Points), values);
            return Nested(alerts, low, high) && Nested(deviations, low, high);
        });
    }

    [Property(MaxTest = 5)]
    public bool Appending_data_never_changes_earlier_scores(int seed)
    {
        double[] values = NoveltyTestData.Series(seed, Points);
        long[] ts = NoveltyTestData.Timestamps(Points);
        int cut = 1 + (Math.Abs(seed) % (Points - 1));
        return NoveltyTestData.Configurations.All(o =>
        {
            (double[] fullA, double[] fullD) = NoveltyTestData.Backfill(o, ts, values);
            (double[] preA, double[] preD) = NoveltyTestData.Backfill(o, ts[..cut], values[..cut]);
            return preA.AsSpan().SequenceEqual(fullA.AsSpan(0, cut)) && preD.AsSpan().SequenceEqual(fullD.AsSpan(0, cut));
        });
    }

    [Property(MaxTest = 5)]
    public bool Daily_batches_with_state_restore_equal_one_backfill(int seed)
    {
        double[] values = NoveltyTestData.Series(seed, Points);
        var random = new Random(seed);
        for (int i = 0; i < values.Length; i++)
        {
            if (random.NextDouble() < 0.01)
            {
                values[i] = random.Next(3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => double.NegativeInfinity };
            }
        }

        long[] ts = NoveltyTestData.Timestamps(Points, NoveltyTestData.StartMs + (random.Next(288) * NoveltyTestData.StepMs));
        return NoveltyTestData.Configurations.All(o =>
        {
            (double[] a, double[] d) = NoveltyTestData.Backfill(o, ts, values);
            (double[] da, double[] dd) = NoveltyTestData.Daily(o, ts, values);
            return a.AsSpan().SequenceEqual(da) && d.AsSpan().SequenceEqual(dd);
        });
    }

    private static bool Close(double[] a, double[] b) => a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-6 * ScoreScale.Max);

    private static bool Nested(double[] scores, double low, double high)
    {
        var lowRuns = DemoEvaluation.ReportedRuns(scores, low, 0);
        var highRuns = DemoEvaluation.ReportedRuns(scores, high, 0);
        return highRuns.All(h => lowRuns.Any(l => l.Start <= h.Start && h.End <= l.End));
    }
}
