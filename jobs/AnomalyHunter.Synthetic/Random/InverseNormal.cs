namespace AnomalyHunter.Synthetic.Random;

/// <summary>The standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9).</summary>
internal static class InverseNormal
{
    private const double Low = 0.02425;
    private const double High = 1.0 - Low;

    private const double A0 = -3.969683028665376e+01;
    private const double A1 = 2.209460984245205e+02;
    private const double A2 = -2.759285104469687e+02;
    private const double A3 = 1.383577518672690e+02;
    private const double A4 = -3.066479806614716e+01;
    private const double A5 = 2.506628277459239e+00;
    private const double B0 = -5.447609879822406e+01;
    private const double B1 = 1.615858368580409e+02;
    private const double B2 = -1.556989798598866e+02;
    private const double B3 = 6.680131188771972e+01;
    private const double B4 = -1.328068155288572e+01;
    private const double C0 = -7.784894002430293e-03;
    private const double C1 = -3.223964580411365e-01;
    private const double C2 = -2.400758277161838e+00;
    private const double C3 = -2.549732539343734e+00;
    private const double C4 = 4.374664141464968e+00;
    private const double C5 = 2.938163982698783e+00;
    private const double D0 = 7.784695709041462e-03;
    private const double D1 = 3.224671290700398e-01;
    private const double D2 = 2.445134137142996e+00;
    private const double D3 = 3.754408661907416e+00;

    /// <summary>Returns z with Φ(z) = <paramref name="p"/> for p in (0, 1); ±8.3 at the ends.</summary>
    public static double Cdf(double p)
    {
        if (p > Low && p < High)
        {
            double r = p - 0.5;
            double s = r * r;
            double num = (((((((((A0 * s) + A1) * s) + A2) * s) + A3) * s) + A4) * s) + A5;
            double den = (((((((((B0 * s) + B1) * s) + B2) * s) + B3) * s) + B4) * s) + 1.0;
            return num * r / den;
        }

        if (p <= 0.0)
        {
            return -8.3;
        }

        if (p >= 1.0)
        {
            return 8.3;
        }

        double q = Math.Sqrt(-2.0 * DeterministicMath.Log(p < Low ? p : 1.0 - p));
        double tail = Tail(q);
        return p < Low ? tail : -tail;
    }

    private static double Tail(double q)
    {
        double num = (((((((((C0 * q) + C1) * q) + C2) * q) + C3) * q) + C4) * q) + C5;
        double den = (((((((D0 * q) + D1) * q) + D2) * q) + D3) * q) + 1.0;
        return num / den;
    }
}
