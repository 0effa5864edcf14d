using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>
/// Fits the residuals of a span to the series' usual daily shape: a multiple of the shape itself (flattened −1, inverted −2)
/// or the shape moved by a lag of up to half a day (the difference between the shape moved and in place).
/// </summary>
internal static class DailyShapeFit
{
    private const long HourMs = 3_600_000;
    private const long ShiftStepMs = HourMs / 2;
    private const long MaxShiftMs = 12 * HourMs;

    /// <summary>
    /// The best fit over residual indexes [<paramref name="ws"/>, <paramref name="we"/>) of <paramref name="r"/>, with the shape
    /// read from days before <paramref name="cutoffMs"/>; <see cref="DailyShape.None"/> when the residuals do not vary. With
    /// <paramref name="detrend"/>, a straight line is taken out of both residuals and shape first, so a drift over the span
    /// (which a half-day of any smooth shape resembles) is not read as a changed shape.
    /// </summary>
    public static DailyShape Fit(SeriesPoints points, ResidualSeries r, int ws, int we, long cutoffMs, bool detrend)
    {
        int n = we - ws;
        var y = new double[n];
        double ym = Robust.Mean(r.Residuals.AsSpan(ws, n));
        for (int i = 0; i < n; i++)
        {
            y[i] = r.Residuals[ws + i] - ym;
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (r.TimestampsMs[ws + i] - r.TimestampsMs[ws]) / (double)HourMs;
        }

        if (detrend)
        {
            Detrend(x, y);
        }

        double sst = 0;
        foreach (double v in y)
        {
            sst += double.IsNaN(v) ? 0 : v * v;
        }

        var best = DailyShape.None;
        if (sst <= 0)
        {
            return best;
        }

        var m = new double[n];
        for (long shift = -MaxShiftMs; shift <= MaxShiftMs; shift += ShiftStepMs)
        {
            for (int i = 0; i < n; i++)
            {
                long t = r.TimestampsMs[ws + i];
                m[i] = shift == 0 ? r.Expected[ws + i] : SeasonalBaseline.Expected(points, t - shift, cutoffMs) - r.Expected[ws + i];
            }

            double mm = Robust.Mean(m);
            if (detrend)
            {
                Detrend(x, m);
                mm = 0;
            }

            double sxy = 0, sxx = 0;
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(y[i]) || double.IsNaN(m[i]))
                {
                    continue;
                }

                sxy += (m[i] - mm) * y[i];
                sxx += (m[i] - mm) * (m[i] - mm);
            }

            if (sxx <= 0)
            {
                continue;
            }

            double explained = sxy * sxy / sxx;
            double r2 = explained / sst;
            if (r2 > best.R2)
            {
                best = new DailyShape(r2, Math.Sqrt(explained / n) / r.Sigma, shift / (double)HourMs, sxy / sxx);
            }
        }

        return best;
    }

    /// <summary>Replaces <paramref name="y"/> by its residuals from the least-squares line over <paramref name="x"/> (NaN stays NaN).</summary>
    private static void Detrend(double[] x, double[] y)
    {
        double sx = 0, sy = 0;
        int k = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsNaN(y[i]))
            {
                sx += x[i];
                sy += y[i];
                k++;
            }
        }

        if (k < 2)
        {
            return;
        }

        double xm = sx / k, ym = sy / k, sxy = 0, sxx = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsNaN(y[i]))
            {
                sxy += (x[i] - xm) * (y[i] - ym);
                sxx += (x[i] - xm) * (x[i] - xm);
            }
        }

        double slope = sxx > 0 ? sxy / sxx : 0;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] -= ym + (slope * (x[i] - xm));
        }
    }
}
