namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>A tabulated log10 upper-tail function of a nonnegative statistic, linear in √statistic, for scoring rows without special functions.</summary>
/// <remarks>
/// The exact tail is evaluated at <see cref="Points"/> equally spaced values of s = √statistic from 0 to the first s
/// whose log10 tail is below <see cref="FloorLog10"/> (found by doubling); lookups interpolate linearly in s.
/// log10 P is smooth and nearly quadratic in s, so the interpolation error is about h²/8 · 0.45 decades (h the grid
/// step), well below 10⁻³ score points for the statistics here. Beyond the table the tail is the floor (score 100).
/// Each grid value is computed when a lookup first needs it (a model between two refits reads a few dozen of them),
/// and is the same value an eagerly filled table would hold. Filling is safe from several threads: each writer stores
/// the same bits.
/// </remarks>
internal sealed class TailTable
{
    /// <summary>Grid points of the table.</summary>
    public const int Points = 1024;

    /// <summary>Log10 tail at which the table stops: a decade past the score scale's cap.</summary>
    public const double FloorLog10 = -11.0;

    private const double MaxRoot = 1e6;
    private readonly Func<double, double> _log10Tail;
    private readonly double[] _log10;
    private readonly double _step;
    private readonly double _inverseStep;

    public TailTable(Func<double, double> log10Tail)
    {
        double top = 1.0;
        while (top < MaxRoot && log10Tail(top * top) > FloorLog10)
        {
            top *= 2.0;
        }

        _log10Tail = log10Tail;
        _log10 = new double[Points];
        // why: NaN marks a grid value not computed yet; a clamped tail is never NaN unless the function returns NaN, which is then recomputed (to NaN) on each use.
        Array.Fill(_log10, double.NaN);
        _step = top / (Points - 1);
        _inverseStep = 1.0 / _step;
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
            return At(Points - 1);
        }

        int i = (int)position;
        double f = position - i;
        double low = At(i);
        double high = At(i + 1);
        return low + (f * (high - low));
    }

    private double At(int i)
    {
        double v = _log10[i];
        if (double.IsNaN(v))
        {
            double s = i * _step;
            v = Math.Max(FloorLog10, Math.Min(0.0, _log10Tail(s * s)));
            _log10[i] = v;
        }

        return v;
    }
}
