namespace AnomalyHunter.Udfs.Sampling;

/// <summary>Analytic error bounds of estimates from a stratified sample (proportional allocation), holding with probability at least 1 − δ.</summary>
/// <remarks>
/// Quantiles: by the Dvoretzky–Kiefer–Wolfowitz inequality each stratum's empirical CDF is within
/// ε_h = √(ln(2H/δ) / (2n_h)) of the stratum's CDF (a union bound over the H strata), so the weighted CDF is within
/// ε = Σ W_h ε_h, W_h = N_h / N: a sample q-quantile lies between the history's (q − ε)- and (q + ε)-quantiles.
/// Means of values in a range of width R: Hoeffding's inequality (valid for sampling without replacement) for the
/// weighted sum gives |error| ≤ R·√(ln(2/δ)/2 · Σ W_h² / n_h). A full history (no sampling) has zero error; a stratum
/// left without any sampled point adds its whole weight W_h (the largest error it can cause) to either bound.
/// </remarks>
public static class SampleErrorBounds
{
    /// <summary>The DKW bound on the CDF (rank) error; 0 when every stratum was kept whole, NaN when every stratum is empty.</summary>
    public static double QuantileRankError(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes, double delta)
    {
        (long total, int strata, bool exact) = Totals(strataSizes, sampleSizes);
        if (total == 0)
        {
            return double.NaN;
        }

        if (exact)
        {
            return 0.0;
        }

        double log = Math.Log(2.0 * strata / delta);
        double sum = 0.0;
        for (int h = 0; h < strataSizes.Length; h++)
        {
            if (strataSizes[h] > 0 && sampleSizes[h] < strataSizes[h])
            {
                double w = (double)strataSizes[h] / total;
                sum += sampleSizes[h] > 0 ? w * Math.Sqrt(log / (2.0 * sampleSizes[h])) : w;
            }
        }

        return sum;
    }

    /// <summary>The Hoeffding bound on the error of the mean, per unit of the values' range; 0 when every stratum was kept whole, NaN when every stratum is empty.</summary>
    public static double MeanErrorPerUnitRange(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes, double delta)
    {
        (long total, _, bool exact) = Totals(strataSizes, sampleSizes);
        if (total == 0)
        {
            return double.NaN;
        }

        if (exact)
        {
            return 0.0;
        }

        double sum = 0.0;
        double unsampled = 0.0;
        for (int h = 0; h < strataSizes.Length; h++)
        {
            if (strataSizes[h] > 0)
            {
                double w = (double)strataSizes[h] / total;
                if (sampleSizes[h] > 0)
                {
                    sum += w * w / sampleSizes[h];
                }
                else
                {
                    unsampled += w;
                }
            }
        }

        return unsampled + Math.Sqrt(Math.Log(2.0 / delta) / 2.0 * sum);
    }

    private static (long Total, int Strata, bool Exact) Totals(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes)
    {
        if (strataSizes.Length != sampleSizes.Length)
        {
            throw new ArgumentException("Strata and sample sizes must have the same length.", nameof(sampleSizes));
        }

        long total = 0;
        int strata = 0;
        bool exact = true;
        for (int h = 0; h < strataSizes.Length; h++)
        {
            if (strataSizes[h] > 0)
            {
                total += strataSizes[h];
                strata++;
                exact &= sampleSizes[h] >= strataSizes[h];
            }
        }

        return (total, strata, exact);
    }
}
