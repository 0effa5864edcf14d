namespace AnomalyHunter.Udfs.Tests.Forecast;

internal static class ForecastTestData
{
    public const long FiveMinutesMs = 300_000L;
    public const long HourMs = 3_600_000L;
    public const long StartMs = 1_700_000_000_000L - (1_700_000_000_000L % 86_400_000L);

    /// <summary>A seasonal series with trend and noise on a regular grid, with a share of points dropped (gaps).</summary>
    public static (long[] Timestamps, double[] Values) Seasonal(int seed, int n, long stepMs, int period, double amplitude, double noise, double dropRate = 0.0)
    {
        var random = new Random(seed);
        var ts = new List<long>(n);
        var vs = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            if (random.NextDouble() < dropRate)
            {
                continue;
            }

            ts.Add(StartMs + (i * stepMs));
            vs.Add(100.0 + (0.002 * i) + (amplitude * Math.Sin(2.0 * Math.PI * i / period)) + (noise * Gaussian(random)));
        }

        return (ts.ToArray(), vs.ToArray());
    }

    public static double Gaussian(Random random)
        => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
