namespace AnomalyHunter.Synthetic.Random;

/// <summary>The standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9).</summary>
internal static class InverseNormal
{
    private const double Low = 0.02425;
    private const double High = 1.0 - Low;

    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>Returns z with Φ(z) = <paramref name="p"/> for p in (0, 1); ±8.3 at the ends.</summary>
    public static double Cdf(double p)
    {
        if (p <= 0.0)
        {
            return -8.3;
        }

        if (p >= 1.0)
        {
            return 8.3;
        }

        if (p < Low)
        {
            double q = Math.Sqrt(-2.0 * DeterministicMath.Log(p));
            return Tail(q);
        }

        if (p > High)
        {
            double q = Math.Sqrt(-2.0 * DeterministicMath.Log(1.0 - p));
            return -Tail(q);
        }

        double r = p - 0.5;
        double s = r * r;
        return Polynomial(A, s) * r / ((Polynomial(B, s) * s) + 1.0);
    }

    private static double Tail(double q) => Polynomial(C, q) / ((Polynomial(D, q) * q) + 1.0);

    /// <summary>Horner evaluation with the highest coefficient first.</summary>
    private static double Polynomial(double[] coefficients, double x)
    {
        double sum = coefficients[0];
        for (int k = 1; k < coefficients.Length; k++)
        {
            sum = (sum * x) + coefficients[k];
        }

        return sum;
    }
}
