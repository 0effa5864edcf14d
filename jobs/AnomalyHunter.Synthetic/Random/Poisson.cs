namespace AnomalyHunter.Synthetic.Random;

/// <summary>Poisson quantiles from a uniform draw, so that a larger mean never gives a smaller count for the same draw.</summary>
internal static class Poisson
{
    private const int MaxCount = 64;

    /// <summary>Means below this are inverted exactly; larger ones use the Cornish–Fisher expansion (fast, within a count of exact).</summary>
    private const double InversionLimit = 6.0;

    private static readonly double[] Reciprocals = BuildReciprocals();

    /// <summary>The count k with P(X ≤ k) ≥ <paramref name="u"/> for X ~ Poisson(<paramref name="lambda"/>); 0 for a mean of 0 or NaN.</summary>
    public static double Quantile(double lambda, double u)
    {
        if (!(lambda > 0.0))
        {
            return 0.0;
        }

        if (lambda >= InversionLimit)
        {
            // why: exact inversion costs about lambda steps with a mispredicted exit; the expansion costs one quantile.
            double z = InverseNormal.Cdf(u);
            double root = Math.Sqrt(lambda);
            double x = lambda + (root * z) + (((z * z) - 1.0) / 6.0) + ((z * ((z * z) - 7.0)) / (72.0 * root));
            return Math.Max(0.0, Math.Floor(x + 0.5));
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
