using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>Tail probabilities of the PCA statistics under the model fitted on n rows: an F limit for Hotelling T², Jackson–Mudholkar for the SPE (Q).</summary>
/// <remarks>
/// T² of a new row with k components, parameters estimated from n rows: T² · n(n − k) / (k(n² − 1)) ~ F(k, n − k),
/// so P(T² ≥ t) = I_x((n − k)/2, k/2) with x = (n − k) / (n − k + k·f). SPE: with θ_i = Σ_{j&gt;k} λ_j^i and
/// h0 = 1 − 2θ1θ3 / (3θ2²), c = θ1[(Q/θ1)^h0 − 1 − θ2h0(h0 − 1)/θ1²] / √(2θ2h0²) is approximately standard normal
/// (Jackson and Mudholkar 1979); when h0 ≤ 0, Box's Q ≈ g·χ²_h with g = θ2/θ1, h = θ1²/θ2 (Wilson–Hilferty) is used.
/// </remarks>
internal static class ControlLimits
{
    /// <summary>P(T² ≥ <paramref name="t2"/>) for k components fitted on n rows; 1 for k = 0 or t2 ≤ 0.</summary>
    public static double T2Tail(double t2, int k, int n, double logNormaliser)
    {
        if (k == 0 || !(t2 > 0.0))
        {
            return 1.0;
        }

        double f = t2 * n * (n - k) / (k * ((double)n * n - 1.0));
        double x = (n - k) / (n - k + (k * f));
        return IncompleteBeta.Regularized((n - k) / 2.0, k / 2.0, x, logNormaliser);
    }

    /// <summary>The log normaliser of the incomplete beta used by <see cref="T2Tail"/>.</summary>
    public static double T2LogNormaliser(int k, int n)
        => k == 0 ? 0.0 : IncompleteBeta.LogGamma(n / 2.0) - IncompleteBeta.LogGamma((n - k) / 2.0) - IncompleteBeta.LogGamma(k / 2.0);

    /// <summary>P(SPE ≥ <paramref name="spe"/>) given the residual eigenvalue power sums; an SPE within tolerance has probability 1, any larger one 0 when no residual variance exists.</summary>
    public static double SpeTail(double spe, double theta1, double theta2, double theta3, double tolerance)
    {
        if (double.IsNaN(spe) || spe <= tolerance)
        {
            return 1.0;
        }

        if (!(theta1 > tolerance) || !(theta2 > 0.0))
        {
            return 0.0;
        }

        double h0 = 1.0 - (2.0 * theta1 * theta3 / (3.0 * theta2 * theta2));
        double z;
        if (h0 > 0.0)
        {
            z = theta1 * (Math.Pow(spe / theta1, h0) - 1.0 - (theta2 * h0 * (h0 - 1.0) / (theta1 * theta1))) / Math.Sqrt(2.0 * theta2 * h0 * h0);
        }
        else
        {
            double g = theta2 / theta1;
            double h = theta1 * theta1 / theta2;
            double a = 2.0 / (9.0 * h);
            z = (Math.Cbrt(spe / g / h) - (1.0 - a)) / Math.Sqrt(a);
        }

        return Math.Pow(10.0, NormalDistribution.Log10UpperTail(z));
    }

    /// <summary>log10 of <see cref="SpeTail"/> for a model with residual variance (θ1 above the tolerance).</summary>
    public static double SpeLog10Tail(double spe, double theta1, double theta2, double theta3, double tolerance)
    {
        double p = SpeTail(spe, theta1, theta2, theta3, tolerance);
        return p > 0.0 ? Math.Log10(p) : TailTable.FloorLog10;
    }
}
