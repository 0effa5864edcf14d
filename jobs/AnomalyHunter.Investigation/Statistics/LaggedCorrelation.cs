namespace AnomalyHunter.Investigation.Statistics;

/// <summary>Pearson correlation of two aligned series at lags; NaN pairs are skipped.</summary>
internal static class LaggedCorrelation
{
    /// <summary>Correlation of x(t) with y(t + lag).</summary>
    public static double At(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int lag)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int t = 0; t < x.Length; t++)
        {
            int u = t + lag;
            if (u < 0 || u >= y.Length || double.IsNaN(x[t]) || double.IsNaN(y[u]))
            {
                continue;
            }

            sx += x[t];
            sy += y[u];
            sxx += x[t] * x[t];
            syy += y[u] * y[u];
            sxy += x[t] * y[u];
            n++;
        }

        if (n < 8)
        {
            return double.NaN;
        }

        double vx = sxx - (sx * sx / n), vy = syy - (sy * sy / n);
        return vx <= 0 || vy <= 0 ? double.NaN : (sxy - (sx * sy / n)) / Math.Sqrt(vx * vy);
    }

    /// <summary>The lag in [−maxLag, maxLag] with the largest absolute correlation (smallest |lag| on ties).</summary>
    public static (int Lag, double Correlation) Best(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int maxLag)
    {
        int bestLag = 0;
        double best = double.NaN;
        for (int d = 0; d <= maxLag; d++)
        {
            foreach (int lag in d == 0 ? [0] : new[] { -d, d })
            {
                double c = At(x, y, lag);
                if (!double.IsNaN(c) && (double.IsNaN(best) || Math.Abs(c) > Math.Abs(best) + 1e-12))
                {
                    best = c;
                    bestLag = lag;
                }
            }
        }

        return (bestLag, best);
    }
}
