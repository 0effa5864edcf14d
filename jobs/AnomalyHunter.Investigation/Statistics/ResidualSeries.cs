namespace AnomalyHunter.Investigation.Statistics;

/// <summary>Points of a time range with the value the series' own history expects there and the difference.</summary>
/// <param name="TimestampsMs">Times of the points.</param>
/// <param name="Values">Observed values.</param>
/// <param name="Expected">Seasonal expectation from earlier days (NaN when no history).</param>
/// <param name="Residuals">Value minus expectation (NaN when no expectation).</param>
/// <param name="Sigma">Robust noise scale of the residuals before the window.</param>
internal sealed record ResidualSeries(long[] TimestampsMs, double[] Values, double[] Expected, double[] Residuals, double Sigma)
{
    public int Count => TimestampsMs.Length;

    /// <summary>Residuals in units of <see cref="Sigma"/>.</summary>
    public double Z(int i) => Residuals[i] / Sigma;

    /// <summary>Indexes [start, end) of the points within [fromMs, toMs] (inclusive).</summary>
    public (int Start, int End) Range(long fromMs, long toMs)
    {
        int start = Array.BinarySearch(TimestampsMs, fromMs);
        start = start >= 0 ? start : ~start;
        int end = Array.BinarySearch(TimestampsMs, toMs);
        end = end >= 0 ? end + 1 : ~end;
        return (start, Math.Max(start, end));
    }

    /// <summary>Median residual within [fromMs, toMs].</summary>
    public double MedianResidual(long fromMs, long toMs)
    {
        var (s, e) = Range(fromMs, toMs);
        return Robust.Median(Residuals.AsSpan(s, e - s));
    }
}
