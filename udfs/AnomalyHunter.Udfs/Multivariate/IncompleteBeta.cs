namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>The log-gamma function and the regularized incomplete beta function I_x(a, b).</summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 300;
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;
    private const double LanczosG = 7.0;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, relative error about 1e-15); NaN for x ≤ 0 or NaN.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0.0))
        {
            return double.NaN;
        }

        if (x < 0.5)
        {
            // why: the reflection formula keeps the series in its accurate range.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }

        x -= 1.0;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        double t = x + LanczosG + 0.5;
        return HalfLogTwoPi + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>I_x(a, b) for a, b &gt; 0; 0 for x ≤ 0, 1 for x ≥ 1, NaN for NaN.</summary>
    public static double Regularized(double a, double b, double x) => Regularized(a, b, x, LogGamma(a + b) - LogGamma(a) - LogGamma(b));

    /// <summary>I_x(a, b) given the precomputed ln[Γ(a + b) / (Γ(a)Γ(b))].</summary>
    public static double Regularized(double a, double b, double x, double logNormaliser)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        double front = Math.Exp(logNormaliser + (a * Math.Log(x)) + (b * Math.Log(1.0 - x)));
        return x < (a + 1.0) / (a + b + 2.0)
            ? front * ContinuedFraction(a, b, x) / a
            : 1.0 - (front * ContinuedFraction(b, a, 1.0 - x) / b);
    }

    /// <summary>The continued fraction of I_x(a, b) by the modified Lentz method.</summary>
    private static double ContinuedFraction(double a, double b, double x)
    {
        double qab = a + b;
        double qap = a + 1.0;
        double qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - (qab * x / qap);
        d = 1.0 / (Math.Abs(d) < Tiny ? Tiny : d);
        double h = d;
        for (int m = 1; m <= MaxIterations; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + (aa * d);
            d = 1.0 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = 1.0 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + (aa * d);
            d = 1.0 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = 1.0 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return h;
    }
}
