namespace AnomalyHunter.Udfs.Detection;

/// <summary>Normal-distribution helpers used by the calibrators.</summary>
public static class NormalDistribution
{
    /// <summary>Complementary error function with relative error below 1.2e-7 (Numerical Recipes erfcc); NaN gives NaN.</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + (0.5 * z));

        // why: Horner's rule written out with the coefficients as constants (the same operations in the same order as a
        // loop over a coefficient array, so the same bits), without the loop's array loads and bounds checks on every tail probability.
        double poly = t * 0.17087277;
        poly = t * (-0.82215223 + poly);
        poly = t * (1.48851587 + poly);
        poly = t * (-1.13520398 + poly);
        poly = t * (0.27886807 + poly);
        poly = t * (-0.18628806 + poly);
        poly = t * (0.09678418 + poly);
        poly = t * (0.37409196 + poly);
        poly = t * (1.00002368 + poly);
        double r = t * Math.Exp((-z * z) + -1.26551223 + poly);
        return x >= 0 ? r : 2.0 - r;
    }

    private const double AsymptoticFrom = 8.0;
    private const double Log10E = 0.43429448190325176;
    private const double HalfLog10TwoPi = 0.39908993417905751;

    /// <summary>log10 of the standard normal upper tail P(Z &gt; z), accurate far into the tail (no underflow); NaN gives NaN.</summary>
    public static double Log10UpperTail(double z)
    {
        if (z < AsymptoticFrom)
        {
            return Math.Log10(0.5 * Erfc(z / Math.Sqrt(2.0)));
        }

        // why: erfc underflows past z ≈ 38; the asymptotic series φ(z)/z·(1 − 1/z² + 3/z⁴) is accurate to 1e-4 from z = 8.
        double inv2 = 1.0 / (z * z);
        double series = 1.0 - inv2 + (3.0 * inv2 * inv2);
        return Log10Density(z) - Math.Log10(z) + Math.Log10(series);
    }

    /// <summary>log10 of the standard normal density φ(z).</summary>
    public static double Log10Density(double z) => (-0.5 * z * z * Log10E) - HalfLog10TwoPi;

    /// <summary>Decades of improbability of a two-sided standard normal deviate: −log10 P(|Z| ≥ |z|); 0 for z = 0, NaN gives NaN.</summary>
    public static double TwoSidedSurprise(double z) => z == 0.0 ? 0.0 : Math.Max(0.0, -(Math.Log10(2.0) + Log10UpperTail(Math.Abs(z))));

    /// <summary>Decades of improbability of a chi-square statistic <paramref name="x"/> with <paramref name="dof"/> degrees of freedom (Wilson–Hilferty), upper tail only.</summary>
    public static double ChiSquareSurprise(double x, int dof)
    {
        double a = 2.0 / (9.0 * dof);
        double z = (Math.Cbrt(x / dof) - (1.0 - a)) / Math.Sqrt(a);
        return z <= 0.0 ? 0.0 : -Log10UpperTail(z);
    }
}
