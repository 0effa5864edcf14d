namespace AnomalyHunter.Udfs.Detection;

/// <summary>Normal-distribution helpers used by the calibrators.</summary>
public static class NormalDistribution
{
    private static readonly double[] ErfcCoefficients =
    [
        -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
        0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
    ];

    /// <summary>Complementary error function with relative error below 1.2e-7 (Numerical Recipes erfcc); NaN gives NaN.</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + (0.5 * z));
        double poly = 0.0;
        for (int k = ErfcCoefficients.Length - 1; k >= 1; k--)
        {
            poly = t * (ErfcCoefficients[k] + poly);
        }

        double r = t * Math.Exp((-z * z) + ErfcCoefficients[0] + poly);
        return x >= 0 ? r : 2.0 - r;
    }
}
