namespace AnomalyHunter.Synthetic.Random;

/// <summary>Poisson quantiles from a uniform draw, so that a larger mean never gives a smaller count for the same draw.</summary>
internal static class Poisson
{
    private const int MaxCount = 4096;
    private const double InversionLimit = 100.0;
    private static readonly double[] Reciprocals = BuildReciprocals();

    /// <summary>The smallest k with P(X ≤ k) ≥ <paramref name="u"/> for X ~ Poisson(<paramref name="lambda"/>); the normal approximation above a mean of 100.</summary>
    public static double Quantile(double lambda, double u)
    {
        if (!(lambda > 0.0))
        {
            return 0.0;
        }

        if (lambda > InversionLimit)
        {
            return Math.Max(0.0, Math.Round(lambda + (Math.Sqrt(lambda) * InverseNormal.Cdf(u))));
        }

        double p = DeterministicMath.Exp(-lambda);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < MaxCount)
        {
            k++;
            p *= lambda * Reciprocals[k];
            cdf += p;
        }

        return k;
    }

    private static double[] BuildReciprocals()
    {
        var table = new double[MaxCount + 1];
        for (int k = 1; k <= MaxCount; k++)
        {
            table[k] = 1.0 / k;
        }

        return table;
    }
}
