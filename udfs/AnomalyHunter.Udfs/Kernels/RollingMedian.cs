using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Exact trailing rolling median and median absolute deviation over spans.</summary>
public static class RollingMedian
{
    /// <summary>Writes, for each i, the median of the finite values among values[i − window + 1 .. i]; NaN where that window holds none (NaN and infinities are skipped).</summary>
    public static void Compute(ReadOnlySpan<double> values, int window, Span<double> medians)
        => Compute(values, window, medians, Span<double>.Empty);

    /// <summary>Like <see cref="Compute(ReadOnlySpan{double}, int, Span{double})"/>, and also writes the (unscaled) MAD of each window into <paramref name="mads"/> unless it is empty.</summary>
    public static void Compute(ReadOnlySpan<double> values, int window, Span<double> medians, Span<double> mads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (medians.Length != values.Length || (!mads.IsEmpty && mads.Length != values.Length))
        {
            throw new ArgumentException("Outputs must have the length of the input.", nameof(medians));
        }

        var sorted = new SortedWindow(window);
        double[]? scratch = mads.IsEmpty ? null : new double[window];
        for (int i = 0; i < values.Length; i++)
        {
            if (i >= window && double.IsFinite(values[i - window]))
            {
                sorted.Remove(values[i - window]);
            }

            if (double.IsFinite(values[i]))
            {
                sorted.Insert(values[i]);
            }

            double median = sorted.Median();
            medians[i] = median;
            if (scratch is not null)
            {
                mads[i] = sorted.MedianAbsoluteDeviation(median, scratch);
            }
        }
    }
}
