using System.Buffers;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>Fits the PCA model to rows of a group: robust per-column standardisation, winsorised covariance, Jacobi eigendecomposition, choice of k.</summary>
/// <remarks>
/// Centre = median, scale = 1.4826·MAD of each column's finite values (the standard deviation when the MAD is 0, then a
/// floor relative to the centre); standardised values are clipped at ±Winsorize and missing ones imputed at the
/// column's mean. k is the smallest number of components whose eigenvalues reach ExplainedVariance of the total,
/// counting only eigenvalues above RelativeEigenFloor·λ1, and at most columns − 1, rows − 2 and MaxComponents.
/// </remarks>
internal static class PcaFitter
{
    private const double MadToSigma = 1.4826;
    private const double AbsoluteScaleFloor = 1e-300;

    public static PcaModel Fit(ReadOnlySpan<double> rows, int n, int p, PcaOptions o, long seenRows, double rankError)
    {
        // why: a refit's working arrays reach the large-object heap; renting them keeps refits from forcing full collections.
        double[] column = ArrayPool<double>.Shared.Rent(n);
        double[] scratch = ArrayPool<double>.Shared.Rent(n);
        double[] z = ArrayPool<double>.Shared.Rent(n * p);
        try
        {
            return Fit(rows, n, p, o, seenRows, rankError, column, scratch, z);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(column);
            ArrayPool<double>.Shared.Return(scratch);
            ArrayPool<double>.Shared.Return(z);
        }
    }

    private static PcaModel Fit(ReadOnlySpan<double> rows, int n, int p, PcaOptions o, long seenRows, double rankError, double[] column, double[] scratch, double[] z)
    {
        var centers = new double[p];
        var scales = new double[p];
        for (int j = 0; j < p; j++)
        {
            int m = 0;
            for (int i = 0; i < n; i++)
            {
                double x = rows[(i * p) + j];
                if (double.IsFinite(x))
                {
                    column[m++] = x;
                }
            }

            (centers[j], scales[j]) = RobustCentreScale(column.AsSpan(0, m), scratch.AsSpan(0, m), o.RelativeScaleFloor);
        }

        var means = new double[p];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double x = rows[(i * p) + j];
                double v = double.IsFinite(x) ? Math.Clamp((x - centers[j]) / scales[j], -o.Winsorize, o.Winsorize) : double.NaN;
                z[(i * p) + j] = v;
            }
        }

        for (int j = 0; j < p; j++)
        {
            double sum = 0.0;
            int m = 0;
            for (int i = 0; i < n; i++)
            {
                double v = z[(i * p) + j];
                if (!double.IsNaN(v))
                {
                    sum += v;
                    m++;
                }
            }

            means[j] = m > 0 ? sum / m : 0.0;
        }

        var covariance = new double[p * p];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < p; a++)
            {
                double da = z[(i * p) + a];
                da = double.IsNaN(da) ? 0.0 : da - means[a];
                if (da == 0.0)
                {
                    continue;
                }

                for (int b = a; b < p; b++)
                {
                    double db = z[(i * p) + b];
                    covariance[(a * p) + b] += double.IsNaN(db) ? 0.0 : da * (db - means[b]);
                }
            }
        }

        double denominator = Math.Max(1, n - 1);
        for (int a = 0; a < p; a++)
        {
            for (int b = a; b < p; b++)
            {
                covariance[(a * p) + b] /= denominator;
                covariance[(b * p) + a] = covariance[(a * p) + b];
            }
        }

        var eigenvalues = new double[p];
        var vectors = new double[p * p];
        SymmetricEigen.Decompose(covariance, p, eigenvalues, vectors);
        for (int j = 0; j < p; j++)
        {
            eigenvalues[j] = Math.Max(0.0, eigenvalues[j]);
        }

        int k = ChooseComponents(eigenvalues, n, o);
        return new PcaModel(centers, scales, means, eigenvalues, vectors, k, n, seenRows, rankError, o.SpeTolerance);
    }

    public static int ChooseComponents(ReadOnlySpan<double> eigenvalues, int n, PcaOptions o)
    {
        int p = eigenvalues.Length;
        double total = 0.0;
        foreach (double l in eigenvalues)
        {
            total += l;
        }

        int cap = p == 1 ? 1 : p - 1;
        cap = Math.Min(cap, Math.Max(0, n - 2));
        if (o.MaxComponents > 0)
        {
            cap = Math.Min(cap, o.MaxComponents);
        }

        double floor = o.RelativeEigenFloor * eigenvalues[0];
        double cumulative = 0.0;
        int k = 0;
        while (k < cap && eigenvalues[k] > floor && eigenvalues[k] > 0.0)
        {
            cumulative += eigenvalues[k];
            k++;
            if (cumulative >= o.ExplainedVariance * total)
            {
                break;
            }
        }

        return k;
    }

    /// <summary>Median and 1.4826·MAD of finite values (reordered in place); the standard deviation when the MAD is 0, then the floor; (0, 1) when empty.</summary>
    private static (double Centre, double Scale) RobustCentreScale(Span<double> values, Span<double> scratch, double relativeFloor)
    {
        if (values.IsEmpty)
        {
            return (0.0, 1.0);
        }

        // why: selection finds the same median and MAD as sorting, in linear time. A zero median (where −0 and +0 tie)
        // or a zero MAD (which needs sums in sorted order) takes the sorting path, so every result stays bit-identical.
        values.CopyTo(scratch);
        double selectedMedian = OrderStatistics.Median(scratch);
        if (selectedMedian != 0.0)
        {
            for (int i = 0; i < values.Length; i++)
            {
                scratch[i] = Math.Abs(values[i] - selectedMedian);
            }

            double selectedScale = MadToSigma * OrderStatistics.Median(scratch);
            if (selectedScale > 0.0)
            {
                return (selectedMedian, Math.Max(selectedScale, Math.Max(relativeFloor * Math.Abs(selectedMedian), AbsoluteScaleFloor)));
            }
        }

        values.Sort();
        double median = MedianOfSorted(values);
        double mean = 0.0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double squares = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            squares += (values[i] - mean) * (values[i] - mean);
            values[i] = Math.Abs(values[i] - median);
        }

        values.Sort();
        double scale = MadToSigma * MedianOfSorted(values);
        if (scale <= 0.0)
        {
            scale = Math.Sqrt(squares / values.Length);
        }

        return (median, Math.Max(scale, Math.Max(relativeFloor * Math.Abs(median), AbsoluteScaleFloor)));
    }

    private static double MedianOfSorted(ReadOnlySpan<double> s)
        => s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[(s.Length / 2) - 1] + s[s.Length / 2]);
}
