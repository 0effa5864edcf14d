using AnomalyHunter.Investigation.Context;

namespace AnomalyHunter.Investigation.Statistics;

/// <summary>
/// The value a series' own history expects at a time: the median of the values at the same time of day on up to
/// <see cref="MaxDays"/> earlier days before a cut-off (the window start), preferring the same weekday, then days of the same
/// kind (weekday or weekend). This removes the daily and weekly season without fitting a model.
/// </summary>
internal static class SeasonalBaseline
{
    public const long DayMs = 86_400_000;
    private const int LookbackDays = 21;
    private const int MaxDays = 5;
    private const double SigmaFloorFraction = 1e-3;

    /// <summary>The expectation at <paramref name="ms"/> from days before <paramref name="cutoffMs"/>; NaN when no such day has a point.</summary>
    public static double Expected(SeriesPoints points, long ms, long cutoffMs)
    {
        Span<double> picked = stackalloc double[MaxDays];
        int n = 0;
        bool weekend = IsWeekend(ms);
        // First pass: same weekday (multiples of 7 days) and the same kind of day; second pass: any day.
        for (int pass = 0; pass < 2 && n < MaxDays; pass++)
        {
            for (int k = 1; k <= LookbackDays && n < MaxDays; k++)
            {
                long t = ms - (k * DayMs);
                if (t >= cutoffMs)
                {
                    continue;
                }

                bool preferred = k % 7 == 0 || IsWeekend(t) == weekend;
                if (preferred != (pass == 0))
                {
                    continue;
                }

                double v = points.ValueAt(t);
                if (!double.IsNaN(v))
                {
                    picked[n++] = v;
                }
            }

            if (pass == 0 && n >= 2)
            {
                break;
            }
        }

        return n == 0 ? double.NaN : Robust.Median(picked[..n]);
    }

    /// <summary>Residuals of the points within [fromMs, toMs] against the history before <paramref name="cutoffMs"/>, with the noise scale of the <paramref name="sigmaSpanMs"/> before the cut-off.</summary>
    public static ResidualSeries Residuals(SeriesPoints points, long fromMs, long toMs, long cutoffMs, long sigmaSpanMs)
    {
        int start = points.IndexAtOrAfter(Math.Min(fromMs, cutoffMs - sigmaSpanMs));
        int end = points.IndexAtOrAfter(toMs + 1);
        int n = Math.Max(0, end - start);
        var ts = new long[n];
        var values = new double[n];
        var expected = new double[n];
        var residuals = new double[n];
        for (int i = 0; i < n; i++)
        {
            ts[i] = points.TimestampsMs[start + i];
            values[i] = points.Values[start + i];
            expected[i] = Expected(points, ts[i], cutoffMs);
            residuals[i] = values[i] - expected[i];
        }

        var (s0, s1) = Window(ts, cutoffMs - sigmaSpanMs, cutoffMs - 1);
        double sigma = Robust.Sigma(residuals.AsSpan(s0, s1 - s0));
        double level = Math.Abs(Robust.Median(values.AsSpan(s0, s1 - s0)));
        if (double.IsNaN(sigma) || sigma <= 0)
        {
            sigma = Robust.StandardDeviation(residuals.AsSpan(s0, s1 - s0));
        }

        double floor = Math.Max(1e-9, SigmaFloorFraction * (double.IsNaN(level) ? 1 : level));
        if (double.IsNaN(sigma) || sigma < floor)
        {
            sigma = floor;
        }

        // why: the sigma span may reach before fromMs; callers want only [fromMs, toMs].
        var (a, b) = Window(ts, fromMs, toMs);
        return new ResidualSeries(ts[a..b], values[a..b], expected[a..b], residuals[a..b], sigma);
    }

    /// <summary>Whether a UTC time falls on Saturday or Sunday.</summary>
    public static bool IsWeekend(long ms)
    {
        var day = DateTimeOffset.FromUnixTimeMilliseconds(ms).DayOfWeek;
        return day is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }

    private static (int Start, int End) Window(long[] ts, long from, long to)
    {
        int s = Array.BinarySearch(ts, from);
        s = s >= 0 ? s : ~s;
        int e = Array.BinarySearch(ts, to);
        e = e >= 0 ? e + 1 : ~e;
        return (s, Math.Max(s, e));
    }
}
