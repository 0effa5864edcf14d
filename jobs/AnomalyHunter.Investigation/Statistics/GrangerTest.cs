namespace AnomalyHunter.Investigation.Statistics;

/// <summary>
/// Granger-style test: does the past of x improve the prediction of y beyond y's own past? Compares OLS of y(t) on
/// [1, y(t−1..t−p)] with OLS on [1, y(t−1..t−p), x(t−1..t−p)] by an F test. Rows with NaN are skipped.
/// </summary>
internal static class GrangerTest
{
    /// <summary>The F statistic and its p-value; NaN when there are too few rows (fewer than 10 per coefficient).</summary>
    public static (double F, double PValue, int Rows) Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int lags)
    {
        int k = (2 * lags) + 1;
        var rows = new List<double[]>();
        var targets = new List<double>();
        for (int t = lags; t < y.Length; t++)
        {
            var row = new double[k];
            row[0] = 1;
            bool ok = !double.IsNaN(y[t]);
            for (int j = 1; j <= lags && ok; j++)
            {
                row[j] = y[t - j];
                row[lags + j] = x[t - j];
                ok = !double.IsNaN(row[j]) && !double.IsNaN(row[lags + j]);
            }

            if (ok)
            {
                rows.Add(row);
                targets.Add(y[t]);
            }
        }

        int n = rows.Count;
        if (n < 10 * k)
        {
            return (double.NaN, double.NaN, n);
        }

        double rssRestricted = Rss(rows, targets, lags + 1);
        double rssFull = Rss(rows, targets, k);
        int d1 = lags, d2 = n - k;
        if (rssFull <= 0 || d2 <= 0)
        {
            return (double.NaN, double.NaN, n);
        }

        double f = Math.Max(0, (rssRestricted - rssFull) / d1 / (rssFull / d2));
        return (f, FDistribution.UpperTail(f, d1, d2), n);
    }

    // Residual sum of squares of OLS on the first `columns` columns (normal equations, Gaussian elimination with pivoting).
    private static double Rss(List<double[]> rows, List<double> y, int columns)
    {
        var a = new double[columns, columns + 1];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int i = 0; i < columns; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    a[i, j] += rows[r][i] * rows[r][j];
                }

                a[i, columns] += rows[r][i] * y[r];
            }
        }

        var beta = Solve(a, columns);
        double rss = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            double fit = 0;
            for (int i = 0; i < columns; i++)
            {
                fit += beta[i] * rows[r][i];
            }

            rss += (y[r] - fit) * (y[r] - fit);
        }

        return rss;
    }

    private static double[] Solve(double[,] a, int n)
    {
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (int j = 0; j <= n; j++)
            {
                (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            }

            double d = a[c, c];
            if (Math.Abs(d) < 1e-12)
            {
                // why: a collinear column (a constant peer) contributes nothing; ridge it instead of failing.
                d = a[c, c] = 1e-12;
            }

            for (int r = 0; r < n; r++)
            {
                if (r == c)
                {
                    continue;
                }

                double factor = a[r, c] / d;
                for (int j = c; j <= n; j++)
                {
                    a[r, j] -= factor * a[c, j];
                }
            }
        }

        var beta = new double[n];
        for (int i = 0; i < n; i++)
        {
            beta[i] = a[i, n] / a[i, i];
        }

        return beta;
    }
}
