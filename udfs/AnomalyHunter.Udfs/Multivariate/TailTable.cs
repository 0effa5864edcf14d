namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>A tabulated log10 upper-tail function of a nonnegative statistic, linear in √statistic, for scoring rows without special functions.</summary>
/// <remarks>
/// The exact tail is evaluated at <see cref="Points"/> equally spaced values of s = √statistic from 0 to the first s
/// whose log10 tail is below <see cref="FloorLog10"/> (found by doubling); lookups interpolate linearly in s.
/// log10 P is smooth and nearly quadratic in s, so the interpolation error is about h²/8 · 0.45 decades (h the grid
/// step), well below 10⁻³ score points for the statistics here. Beyond the table the tail is the floor (score 100).
/// </remarks>
internal sealed class TailTable
{
    /// <summary>Grid points of the table.</summary>
    public const int Points = 1024;

    /// <summary>Log10 tail at which the table stops: a decade past the score scale's cap.</summary>
    public const double FloorLog10 = -11.0;

    private const double MaxRoot = 1e6;
    private readonly double[] _log10;
    private readonly double _inverseStep;

    public TailTable(Func<double, double> log10Tail)
    {
        double top = 1.0;
        while (top < MaxRoot && log10Tail(top * top) > FloorLog10)
        {
            top *= 2.0;
        }

        _log10 = new double[Points];
        double step = top / (Points - 1);
        for (int i = 0; i < Points; i++)
        {
            double s = i * step;
            _log10[i] = Math.Max(FloorLog10, Math.Min(0.0, log10Tail(s * s)));
        }

        _inverseStep = 1.0 / step;
    }

    /// <summary>log10 P(statistic ≥ <paramref name="statistic"/>); 0 for statistic ≤ 0 or NaN, the floor beyond the table.</summary>
    public double Log10Tail(double statistic)
    {
        if (!(statistic > 0.0))
        {
            return 0.0;
        }

        double position = Math.Sqrt(statistic) * _inverseStep;
        if (!(position < Points - 1))
        {
            return _log10[Points - 1];
        }

        int i = (int)position;
        double f = position - i;
        return _log10[i] + (f * (_log10[i + 1] - _log10[i]));
    }
}
