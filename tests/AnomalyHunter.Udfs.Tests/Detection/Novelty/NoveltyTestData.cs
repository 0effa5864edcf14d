using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Udfs.Detection.Novelty;

namespace AnomalyHunter.Udfs.Tests.Detection.Novelty;

internal static class NoveltyTestData
{
    public const long StepMs = 300_000L;
    public const long StartMs = 1_396_310_400_000L; // 2014-04-01T00:00:00Z

    /// <summary>Short windows so that a few thousand points exercise the grid's re-laying, the range's forgetting and the rest.</summary>
    public static NoveltyOptions Small { get; } = new()
    {
        Warmup = 100,
        Rest = 40,
        RangeBlocks = 4,
        RangeBlockPoints = 100,
        ValueWindow = 300,
        ValueCells = 48,
        Memory = 256,
    };

    public static IReadOnlyList<NoveltyOptions> Configurations { get; } = [new NoveltyOptions(), Small];

    public static long[] Timestamps(int n, long startMs = StartMs) => Enumerable.Range(0, n).Select(i => startMs + (i * StepMs)).ToArray();

    /// <summary>A daily-seasonal noisy series with occasional spikes, a level shift and a slow trend, from a seed.</summary>
    public static double[] Series(int seed, int n)
    {
        var random = new Random(seed);
        int shiftAt = random.Next(n / 3, n);
        double trend = (random.NextDouble() - 0.5) * 0.01;
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = 20.0 + (5.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + (random.NextDouble() * 2.0) + (trend * i);
            if (random.NextDouble() < 0.005)
            {
                v += 30.0 * random.NextDouble();
            }

            values[i] = i >= shiftAt ? v + 8.0 : v;
        }

        return values;
    }

    public static (double[] Alerts, double[] Deviations) Backfill(NoveltyOptions options, long[] ts, double[] values)
    {
        var alerts = new double[values.Length];
        var deviations = new double[values.Length];
        var scorer = (Udfs.Detection.IDeviationSeriesScorer)new NoveltyScorerFactory(options).Create();
        scorer.Score(ts, values, alerts, deviations);
        return (alerts, deviations);
    }

    public static (double[] Alerts, double[] Deviations) Daily(NoveltyOptions options, long[] ts, double[] values)
    {
        (double[] alerts, double[]? deviations) = DailyBatchRunner.RunWithDeviations(new NoveltyScorerFactory(options), ts, values);
        return (alerts, deviations!);
    }
}
