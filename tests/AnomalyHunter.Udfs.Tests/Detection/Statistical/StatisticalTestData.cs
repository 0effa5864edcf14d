using AnomalyHunter.Udfs.Detection.Statistical;

namespace AnomalyHunter.Udfs.Tests.Detection.Statistical;

internal static class StatisticalTestData
{
    public const long StepMs = 300_000L;
    public const long StartMs = 1_396_310_400_000L; // 2014-04-01T00:00:00Z

    /// <summary>The default configuration, one with each feature group off, one with the sustained-change feature off and two with the drift feature on (closed-form and ranked), so every code path is exercised.</summary>
    public static IReadOnlyList<StatisticalOptions> Configurations { get; } =
    [
        new StatisticalOptions(),
        new StatisticalOptions { UseLevel = false, UseLong = false },
        new StatisticalOptions { UsePoint = false, UseShift = false, UseSpread = false, TailGeneration = 512 },
        new StatisticalOptions { UseSustained = false },
        new StatisticalOptions { UseDrift = true },
        new StatisticalOptions { UseDrift = true, DriftRanked = true },
    ];

    public static long[] Timestamps(int n, long startMs = StartMs) => Enumerable.Range(0, n).Select(i => startMs + (i * StepMs)).ToArray();

    /// <summary>A daily-seasonal noisy series with occasional spikes and one level shift, from a seed.</summary>
    public static double[] Series(int seed, int n)
    {
        var random = new Random(seed);
        int shiftAt = random.Next(n / 2, n);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = 20.0 + (5.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + (random.NextDouble() * 2.0);
            if (random.NextDouble() < 0.005)
            {
                v += 30.0 * random.NextDouble();
            }

            values[i] = i >= shiftAt ? v + 8.0 : v;
        }

        return values;
    }
}
