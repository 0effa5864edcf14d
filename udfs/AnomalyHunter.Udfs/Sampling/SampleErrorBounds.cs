namespace AnomalyHunter.Udfs.Sampling;

/// <summary>Analytic error bounds of estimates from a stratified sample (proportional allocation), holding with probability at least 1 − δ.</summary>
/// <remarks>
/// Both bounds use Hoeffding's inequality for the weighted sum Σ W_h·(stratum average), W_h = N_h / N, which holds for
/// sampling without replacement inside each stratum. One quantile: the sample q-quantile lies between the history's
/// (q − ε)- and (q + ε)-quantiles when the stratified empirical CDF is within ε at those two points, so with
/// probability 1 − δ for ε = √(ln(4/δ)/2 · Σ W_h² / n_h) (= √(ln(4/δ)/(2n)) under proportional allocation; a bound
/// uniform over all quantiles would need DKW per stratum and is far looser). One mean of values in a range of width R:
/// |error| ≤ R·√(ln(2/δ)/2 · Σ W_h² / n_h). A full history (no sampling) has zero error; a stratum left without any
/// sampled point adds its whole weight W_h (the largest error it can cause) to either bound.
/// </remarks>
public static class SampleErrorBounds
{
    /// <summary>The bound ε on the rank error of one sample quantile; 0 when every stratum was kept whole, NaN when every stratum is empty.</summary>
    public static double QuantileRankError(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes, double delta)
        => WeightedHoeffding(strataSizes, sampleSizes, Math.Log(4.0 / delta));

    /// <summary>The Hoeffding bound on the error of the mean, per unit of the values' range; 0 when every stratum was kept whole, NaN when every stratum is empty.</summary>
    public static double MeanErrorPerUnitRange(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes, double delta)
        => WeightedHoeffding(strataSizes, sampleSizes, Math.Log(2.0 / delta));

    /// <summary>The one-quantile rank-error bound of a simple random sample of <paramref name="n"/> points from a larger history.</summary>
    public static double QuantileRankError(int n, double delta) => n > 0 ? Math.Sqrt(Math.Log(4.0 / delta) / (2.0 * n)) : double.NaN;

    private static double WeightedHoeffding(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes, double log)
    {
        (long total, bool exact) = Totals(strataSizes, sampleSizes);
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
                if (sampleSizes[h] >= strataSizes[h])
                {
                    continue;
                }

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

        return unsampled + Math.Sqrt(log / 2.0 * sum);
    }

    private static (long Total, bool Exact) Totals(ReadOnlySpan<long> strataSizes, ReadOnlySpan<int> sampleSizes)
    {
        if (strataSizes.Length != sampleSizes.Length)
        {
            throw new ArgumentException("Strata and sample sizes must have the same length.", nameof(sampleSizes));
        }

        long total = 0;
        bool exact = true;
        for (int h = 0; h < strataSizes.Length; h++)
        {
            if (strataSizes[h] > 0)
            {
                total += strataSizes[h];
                exact &= sampleSizes[h] >= strataSizes[h];
            }
        }

        return (total, exact);
    }
}
