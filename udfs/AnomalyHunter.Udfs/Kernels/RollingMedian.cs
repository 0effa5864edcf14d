namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Exact trailing rolling median and median absolute deviation over spans.</summary>
/// <remarks>
/// Contract: output i describes the finite values among values[max(0, i − window + 1) .. i]; NaN and infinities are
/// skipped but still take a slot of the window; a window with no finite value gives NaN; a window longer than the
/// series simply holds every point so far. Cost per point: two SIMD rank searches and O(√w) moves in blocks of sorted
/// values (see <see cref="OrderStatisticWindow"/> and <see cref="SortedBlocks"/>), an O(1) median and a MAD search that
/// starts from the previous window's answer.
/// </remarks>
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

        // why: a window longer than the series never wraps, so its buffers need only the series' length.
        var sorted = new OrderStatisticWindow(Math.Max(1, Math.Min(window, values.Length)));
        bool withMad = !mads.IsEmpty;
        for (int i = 0; i < values.Length; i++)
        {
            sorted.Push(values[i]);
            double median = sorted.Median();
            medians[i] = median;
            if (withMad)
            {
                mads[i] = sorted.MedianAbsoluteDeviation(median);
            }
        }
    }
}
