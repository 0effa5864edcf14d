namespace AnomalyHunter.Udfs.Tests.Multivariate;

internal static class GroupTestData
{
    public const long StartMs = 1_700_006_400_000L;
    public const long StepMs = 300_000L;

    public static long[] Timestamps(int n) => Enumerable.Range(0, n).Select(i => StartMs + (i * StepMs)).ToArray();

    /// <summary>Rows of <paramref name="p"/> series: loading × common factor + independent noise (loading 0 gives independent series).</summary>
    public static double[] Factor(int seed, int n, int p, double loading, double noise)
    {
        var random = new Random(seed);
        var m = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            double f = Gaussian(random);
            for (int j = 0; j < p; j++)
            {
                m[(i * p) + j] = (10.0 * j) + (loading * f) + (noise * Gaussian(random));
            }
        }

        return m;
    }

    public static double Gaussian(Random random)
        => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
