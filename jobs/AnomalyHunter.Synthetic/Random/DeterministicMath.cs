namespace AnomalyHunter.Synthetic.Random;

/// <summary>
/// Exp, Log, Sin and Cos from additions, multiplications and divisions only, so that the results are
/// the same bits on every platform (the platform's libm may differ in the last place).
/// </summary>
/// <remarks>Accuracy is a few ulps, which is plenty for noise and seasonal shapes.</remarks>
internal static class DeterministicMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.41421356237309504880;
    private const double TwoPi = 6.28318530717958647692;
    private const double Pi = 3.14159265358979323846;
    private const int TableBits = 6;
    private const int TableSize = 1 << TableBits;
    private const double TableScale = TableSize / 6.93147180559945309417e-01;
    private static readonly double[] PowersOfTwo = BuildPowersOfTwo();

    /// <summary>e raised to <paramref name="x"/>; 0 below −745 and +∞ above 709.78; NaN stays NaN.</summary>
    public static double Exp(double x)
    {
        if (!(x >= -745.0 && x <= 709.78))
        {
            return double.IsNaN(x) ? x : x > 0 ? double.PositiveInfinity : 0.0;
        }

        // why: x = (64m + j) ln2/64 + r with |r| <= ln2/128, so a degree-6 polynomial is exact to a few ulps.
        double n = Math.Round(x * TableScale);
        double r = (x - (n * (Ln2Hi / TableSize))) - (n * (Ln2Lo / TableSize));
        int ni = (int)n;
        int j = ni & (TableSize - 1);
        int m = (ni - j) >> TableBits;
        double p = (1.0 / 720.0 * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;
        return Math.ScaleB(PowersOfTwo[j] * p, m);
    }

    /// <summary>Natural logarithm; NaN for negative input or NaN, −∞ for 0.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0.0)
        {
            return double.NaN;
        }

        if (x == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        int e = Math.ILogB(x);
        double m = Math.ScaleB(x, -e);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        // why: atanh series log(m) = 2(f + f^3/3 + ...), f = (m-1)/(m+1), |f| <= 0.172 converges fast.
        double f = (m - 1.0) / (m + 1.0);
        double f2 = f * f;
        double power = f;
        double sum = 0.0;
        for (int k = 1; k <= 41; k += 2)
        {
            sum += power / k;
            power *= f2;
        }

        return (e * Ln2Hi) + ((e * Ln2Lo) + (2.0 * sum));
    }

    /// <summary>Cosine of <paramref name="x"/> radians (meant for moderate arguments such as table phases).</summary>
    public static double Cos(double x) => SinReduced(ReduceToPi(x + (Pi / 2.0)));

    /// <summary>Sine of <paramref name="x"/> radians (meant for moderate arguments such as table phases).</summary>
    public static double Sin(double x) => SinReduced(ReduceToPi(x));

    private static double ReduceToPi(double x) => x - (TwoPi * Math.Round(x / TwoPi));

    private static double SinReduced(double r)
    {
        double r2 = r * r;
        double term = r;
        double sum = r;
        for (int k = 1; k <= 18; k++)
        {
            term *= -r2 / ((2 * k) * ((2 * k) + 1));
            sum += term;
        }

        return sum;
    }

    private static double[] BuildPowersOfTwo()
    {
        var table = new double[TableSize];
        for (int j = 0; j < TableSize; j++)
        {
            // why: 2^(j/64) = exp(j ln2 / 64) with the argument below 0.7, where 25 Taylor terms are exact.
            double r = j * (6.93147180559945309417e-01 / TableSize);
            double term = 1.0;
            double sum = 1.0;
            for (int k = 1; k <= 25; k++)
            {
                term *= r / k;
                sum += term;
            }

            table[j] = sum;
        }

        return table;
    }
}
