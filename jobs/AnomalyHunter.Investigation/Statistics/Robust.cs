namespace AnomalyHunter.Investigation.Statistics;

/// <summary>Robust location and scale. NaN values are ignored; an empty input gives NaN.</summary>
internal static class Robust
{
    /// <summary>Scale factor that makes the MAD estimate the standard deviation of normal data.</summary>
    public const double MadToSigma = 1.4826;

    public static double Median(ReadOnlySpan<double> values)
    {
        var copy = new List<double>(values.Length);
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                copy.Add(v);
            }
        }

        if (copy.Count == 0)
        {
            return double.NaN;
        }

        copy.Sort();
        int n = copy.Count;
        return n % 2 == 1 ? copy[n / 2] : 0.5 * (copy[(n / 2) - 1] + copy[n / 2]);
    }

    /// <summary>1.4826 × the median absolute deviation from the median.</summary>
    public static double Sigma(ReadOnlySpan<double> values)
    {
        double median = Median(values);
        if (double.IsNaN(median))
        {
            return double.NaN;
        }

        var dev = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            dev[i] = Math.Abs(values[i] - median);
        }

        return MadToSigma * Median(dev);
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        double mean = Mean(values);
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += (v - mean) * (v - mean);
                n++;
            }
        }

        return n < 2 ? double.NaN : Math.Sqrt(sum / (n - 1));
    }

    /// <summary>Theil–Sen slope of y over x (median of pairwise slopes); NaN with fewer than two points.</summary>
    public static double TheilSenSlope(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var slopes = new List<double>();
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = i + 1; j < x.Length; j++)
            {
                if (x[j] != x[i] && !double.IsNaN(y[i]) && !double.IsNaN(y[j]))
                {
                    slopes.Add((y[j] - y[i]) / (x[j] - x[i]));
                }
            }
        }

        return Median(slopes.ToArray());
    }

    /// <summary>The logistic function.</summary>
    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
