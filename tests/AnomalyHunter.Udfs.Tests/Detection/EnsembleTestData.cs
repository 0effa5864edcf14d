using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Tests.Detection;

internal static class EnsembleTestData
{
    public const long StepMs = 300_000L;
    public const long StartMs = 1_396_310_400_000L; // 2014-04-01T00:00:00Z

    /// <summary>One configuration per pass, plus the seasonal baseline and the full default.</summary>
    public static IReadOnlyList<EnsembleOptions> PassConfigurations { get; } =
    [
        new EnsembleOptions { UseShift = false, UseVariance = false },
        new EnsembleOptions { UsePoint = false, UseVariance = false },
        new EnsembleOptions { UsePoint = false, UseShift = false },
        new EnsembleOptions { UseSeasonal = true },
        new EnsembleOptions(),
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
